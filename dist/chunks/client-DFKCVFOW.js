import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  connect,
  pageAll
} from "./chunk-BM7EPX4V.js";
import {
  LoginError
} from "./chunk-2YTUQ7HW.js";
import "./chunk-O7LDPSYS.js";
export {
  LoginError,
  connect,
  pageAll
};
