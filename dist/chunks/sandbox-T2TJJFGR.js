import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  DEMO_IDS,
  DEMO_ROLE_PERMISSIONS,
  MAX_SANDBOX_CLIENTS,
  ProfileError,
  REAL_DEFAULTS,
  REAL_OFF,
  demoIds,
  demoOrg,
  demoOrgId,
  loadProfile,
  orgProfileSchema,
  orgSandboxOptions,
  orgTagOf,
  parseProfile,
  profileToOptions,
  sandboxClients,
  startSandbox,
  startSandboxes
} from "./chunk-KLQJMSIT.js";
import "./chunk-462IHIBZ.js";
import "./chunk-O7LDPSYS.js";
export {
  DEMO_IDS,
  DEMO_ROLE_PERMISSIONS,
  MAX_SANDBOX_CLIENTS,
  ProfileError,
  REAL_DEFAULTS,
  REAL_OFF,
  demoIds,
  demoOrg,
  demoOrgId,
  loadProfile,
  orgProfileSchema,
  orgSandboxOptions,
  orgTagOf,
  parseProfile,
  profileToOptions,
  sandboxClients,
  startSandbox,
  startSandboxes
};
