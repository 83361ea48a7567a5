import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  connect,
  pageAll,
  readOnce
} from "./chunk-DCV3CL2U.js";
import {
  LoginError
} from "./chunk-YRTHUKH5.js";
import "./chunk-O7LDPSYS.js";
export {
  LoginError,
  connect,
  pageAll,
  readOnce
};
