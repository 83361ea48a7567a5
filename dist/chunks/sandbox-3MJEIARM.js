import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  DEMO_IDS,
  DEMO_ROLE_PERMISSIONS,
  MAX_SANDBOX_CLIENTS,
  ProfileError,
  REAL_DEFAULTS,
  REAL_OFF,
  demoOrg,
  loadProfile,
  orgProfileSchema,
  parseProfile,
  profileToOptions,
  sandboxClients,
  startSandbox
} from "./chunk-WZJ5PAOF.js";
import "./chunk-5FBXQJ7U.js";
import "./chunk-O7LDPSYS.js";
export {
  DEMO_IDS,
  DEMO_ROLE_PERMISSIONS,
  MAX_SANDBOX_CLIENTS,
  ProfileError,
  REAL_DEFAULTS,
  REAL_OFF,
  demoOrg,
  loadProfile,
  orgProfileSchema,
  parseProfile,
  profileToOptions,
  sandboxClients,
  startSandbox
};
