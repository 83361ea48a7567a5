import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  connect,
  pageAll
} from "./chunk-ESXNFHVL.js";
import {
  LoginError
} from "./chunk-YUEWA4NL.js";
import "./chunk-O7LDPSYS.js";
export {
  LoginError,
  connect,
  pageAll
};
