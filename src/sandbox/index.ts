// gc-onboard's local Genesys Cloud: a node:http emulator of the Platform API subset the tool uses.
//
//   const sandbox = await startSandbox();          // the Northfield University demo org
//   client.setGateway({ protocol: 'http', host: '127.0.0.1', port: sandbox.port });
//   await client.loginClientCredentialsGrant('sandbox', 'sandbox');
//   const { orgs, close } = await startSandboxes({ test: {}, production: {} }); // clients test, production

export { startSandbox } from './server.js';
export { sandboxClients, MAX_SANDBOX_CLIENTS } from './clients.js';
export { demoOrg, demoIds, demoOrgId, orgTagOf, DEMO_IDS, DEMO_ROLE_PERMISSIONS } from './demo-org.js';
export type { DemoIds, DemoOrgOptions } from './demo-org.js';
export { startSandboxes, orgSandboxOptions } from './orgs.js';
export type { SandboxOrgs } from './orgs.js';
export { REAL_DEFAULTS, REAL_OFF } from './real.js';
export type * from './types.js';
export { profileToOptions, parseProfile, loadProfile, ProfileError, orgProfileSchema } from './profile.js';
export type { OrgProfile } from './profile.js';
