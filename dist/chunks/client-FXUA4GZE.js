import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  connect,
  pageAll
} from "./chunk-JJRM2DJ4.js";
import {
  LoginError
} from "./chunk-ZXJWERAN.js";
import "./chunk-O7LDPSYS.js";
export {
  LoginError,
  connect,
  pageAll
};
