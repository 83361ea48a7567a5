import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  connect,
  pageAll,
  readOnce
} from "./chunk-HVL72FOK.js";
import {
  LoginError
} from "./chunk-AISJO22U.js";
import "./chunk-O7LDPSYS.js";
export {
  LoginError,
  connect,
  pageAll,
  readOnce
};
