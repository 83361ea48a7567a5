import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  require_purecloud_platform_client_v2
} from "./chunk-363FRYLP.js";
import "./chunk-O7LDPSYS.js";
export default require_purecloud_platform_client_v2();
