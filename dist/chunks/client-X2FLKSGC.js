import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  connect,
  pageAll,
  readOnce
} from "./chunk-X53SCC6T.js";
import {
  LoginError
} from "./chunk-LLRXY2DE.js";
import "./chunk-O7LDPSYS.js";
export {
  LoginError,
  connect,
  pageAll,
  readOnce
};
