// The probe is tested by the thing it measures: against a sandbox started with a profile P it must
// write a profile P' equal to P on every measured field (lags within their polling step).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';

import { GenesysApiError } from '../../src/genesys/transport.js';
import { ROLE_GRANT_MAX_CALLS } from '../../src/probe/measure.js';
import { roleGrantCap, runProbe } from '../../src/probe/run.js';
import { openOrg, type OrgSession } from '../../src/run/org.js';
import { REAL_DEFAULTS } from '../../src/sandbox/index.js';
import { parseProfile, profileToOptions, type OrgProfile } from '../../src/sandbox/profile.js';

const POLL_MS = 50;
const ROLE_GRANT_ROUTE = 'POST /api/v2/authorization/roles/{id}';
/**
 * A lag is accurate to one polling step, where a step is the larger of POLL_MS and the pace of the
 * route's own rate limit (users search, phone writes), plus loopback request time, plus the longest
 * time this process was kept from running during the probe (`stalledMs`: on a machine whose cores
 * are shared with other test files a poll can fire that much late; measured, not guessed).
 */
const tolerance = (stalledMs: number, perMinute = 0) =>
  Math.max(POLL_MS, perMinute > 0 ? 60_000 / perMinute : 0) + 150 + stalledMs;
/**
 * The probe starts a lag's clock when its write's answer arrives, the sandbox when the write arrived:
 * a measure may come out short by the answer's trip back.
 */
const EARLY_MS = 50;

let session: OrgSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const base = (real: OrgProfile['real'], extra: Partial<OrgProfile> = {}): OrgProfile =>
  parseProfile({
    version: 1,
    measuredAt: '2026-12-02T00:00:00.000Z',
    org: { defaultCountryCode: 'US' },
    real,
    userSearchLagMs: 300,
    stationLagMs: 400,
    rateLimitPerMinute: 6000,
    notes: [],
    ...extra,
  });

const SHORT_DEFAULTS = base({
  authorizationLagMs: 200,
  routingLagMs: 300,
  telephonyLagMs: 400,
  phoneFieldsOnRequest: true,
  datesOnlyWithExpand: true,
  expandDropRate: 0.02,
  addressShapes: true,
  versionRaces: true,
  defaultStationNeedsCallAdd: true,
  usersSearchPerMinute: 180,
  phoneWritesPerMinute: 180,
});

const SLOWER_LENIENT = base(
  {
    authorizationLagMs: 600,
    routingLagMs: 900,
    telephonyLagMs: 1200,
    phoneFieldsOnRequest: false,
    datesOnlyWithExpand: false,
    expandDropRate: 0,
    addressShapes: false,
    versionRaces: false,
    defaultStationNeedsCallAdd: false,
    usersSearchPerMinute: 0,
    phoneWritesPerMinute: 120,
    roleGrantSubjectCap: 1000,
  },
  { userSearchLagMs: 500, stationLagMs: 250 },
);

async function probe(profile: OrgProfile, more: { includeInvite?: boolean } = {}) {
  session = await openOrg({ sandbox: profileToOptions(profile), transport: { windowMs: 60_000 } });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    const result = await runProbe(session.client, {
      emailDomain: 'probe.example.edu',
      consent: true,
      includeInvite: more.includeInvite ?? false,
      pollMs: POLL_MS,
      maxWaitMs: 5000,
    });
    return { result, sandbox: session.sandbox!, stalledMs: delay.max / 1e6 };
  } finally {
    delay.disable();
  }
}

function expectSameMeasure(measured: OrgProfile, given: OrgProfile, stalledMs: number): void {
  const within = (key: string, value: number | undefined, truth: number, step: number) => {
    expect(value, key).toBeGreaterThanOrEqual(truth - EARLY_MS);
    expect(value, key).toBeLessThanOrEqual(truth + step);
  };
  const { real } = given;
  within(
    'authorizationLagMs',
    measured.real.authorizationLagMs,
    real.authorizationLagMs ?? 0,
    tolerance(stalledMs),
  );
  within('routingLagMs', measured.real.routingLagMs, real.routingLagMs ?? 0, tolerance(stalledMs));
  within(
    'telephonyLagMs',
    measured.real.telephonyLagMs,
    real.telephonyLagMs ?? 0,
    tolerance(stalledMs, real.phoneWritesPerMinute),
  );
  within(
    'userSearchLagMs',
    measured.userSearchLagMs,
    given.userSearchLagMs ?? 0,
    tolerance(stalledMs, real.usersSearchPerMinute),
  );
  within('stationLagMs', measured.stationLagMs, given.stationLagMs ?? 0, tolerance(stalledMs));
  const exact = [
    'phoneFieldsOnRequest',
    'datesOnlyWithExpand',
    'addressShapes',
    'versionRaces',
    'defaultStationNeedsCallAdd',
    'usersSearchPerMinute',
    'phoneWritesPerMinute',
  ] as const;
  for (const key of exact) expect(measured.real[key], key).toBe(given.real[key]);
  // A drop rate from 200 samples: within a few points of the truth.
  expect(
    Math.abs((measured.real.expandDropRate ?? -1) - (given.real.expandDropRate ?? 0)),
  ).toBeLessThanOrEqual(0.03);
  // The sizes tried are 100, 250, 500, 1000…: a cap on one of them is measured exactly.
  expect(measured.real.roleGrantSubjectCap, 'roleGrantSubjectCap').toBe(
    given.real.roleGrantSubjectCap ?? REAL_DEFAULTS.roleGrantSubjectCap,
  );
  expect(measured.org.defaultCountryCode).toBe(given.org.defaultCountryCode);
  expect(measured.rateLimitPerMinute).toBe(given.rateLimitPerMinute);
}

describe('gc-onboard probe against the sandbox', () => {
  it('measures the real-api defaults (short lags) back from a sandbox started with them', async () => {
    const { result, sandbox, stalledMs } = await probe(SHORT_DEFAULTS);
    expectSameMeasure(parseProfile(result.profile), SHORT_DEFAULTS, stalledMs);
    expect(sandbox.stats().requests.byRoute[ROLE_GRANT_ROUTE]).toBeLessThanOrEqual(ROLE_GRANT_MAX_CALLS);
    expect(result.report).toContain('Role grants: the org took 100 subjects in one call (refused 102).');
  }, 30_000);

  it('measures a slower, lenient org back just as well', async () => {
    const { result, stalledMs } = await probe(SLOWER_LENIENT);
    expectSameMeasure(parseProfile(result.profile), SLOWER_LENIENT, stalledMs);
  }, 30_000);

  it('keeps its profile when the cap search fails, and leaves no throwaway user active', async () => {
    session = await openOrg({ sandbox: profileToOptions(SHORT_DEFAULTS), transport: { windowMs: 60_000 } });
    // A client whose roles read is refused (it lacks authorization:role:view).
    session.client.authorization.getAuthorizationRoles = () =>
      Promise.reject(
        new GenesysApiError({
          status: 403,
          code: 'missing.permissions',
          detail:
            'Unable to perform the requested action. You are missing the following permission(s): authorization:role:view',
          method: 'GET',
          route: '/api/v2/authorization/roles',
          tries: 1,
        }),
      );
    const result = await runProbe(session.client, {
      emailDomain: 'probe.example.edu',
      consent: true,
      includeInvite: false,
      pollMs: POLL_MS,
      maxWaitMs: 5000,
    });
    expect(result.profile.real.roleGrantSubjectCap).toBeUndefined();
    expect(result.profile.notes.find((note) => note.startsWith('roleGrantSubjectCap'))).toContain(
      'not measured (403 missing.permissions',
    );
    expect(result.report).toContain('Role grants: the subject cap was not measured');
    const probeUsers = session.sandbox!.state().users.filter((u) => u.email.endsWith('@probe.example.edu'));
    expect(probeUsers).toHaveLength(2);
    for (const user of probeUsers) expect(user.state).toBe('inactive');
  }, 30_000);
});

describe('the role-grant subject cap against the sandbox', () => {
  /** A sandbox with no authorization lag, one new user in the home division, and the cap measured on it. */
  async function measureCap(cap: number) {
    const real = { authorizationLagMs: 0, roleGrantSubjectCap: cap };
    // A token limit high enough that the client does not pace these few calls.
    session = await openOrg({ sandbox: { real, rateLimitPerMinute: 6000 }, transport: { windowMs: 60_000 } });
    const { client } = session;
    const divisionId = (await client.authorization.getAuthorizationDivisionsHome()).id ?? '';
    const email = 'gc-onboard-probe-cap@probe.example.edu';
    const user = await client.users.postUsers({ name: 'gc-onboard-probe-cap', email, divisionId });
    const before = session.sandbox!.state();
    const notes: string[] = [];
    const search = await roleGrantCap(client, user.id ?? '', divisionId, notes);
    const state = session.sandbox!.state();
    const calls = session.sandbox!.stats().requests.byRoute[ROLE_GRANT_ROUTE];
    return { search, notes, before, state, userId: user.id, calls };
  }

  it('finds a cap of 250, granting only to its own user', async () => {
    const { search, before, state, userId, calls } = await measureCap(250);
    expect(search).toMatchObject({ accepted: 250, other: null });
    expect(calls).toBe(search?.calls);
    expect(calls).toBeLessThanOrEqual(ROLE_GRANT_MAX_CALLS);
    const employee = state.roles.find((role) => role.name === 'employee')?.id;
    const granted = state.grants.filter((g) => g.roleId === employee && g.subjectId === userId);
    expect(granted).toHaveLength(1);
    const others = (dump: typeof state) => dump.grants.filter((g) => g.subjectId !== userId);
    expect(others(state)).toEqual(others(before));
  });

  it('records 5000 with a note on an org without a cap, in 6 calls', async () => {
    const { search, calls } = await measureCap(0);
    expect(search).toEqual({ accepted: 5000, refused: null, calls: 6, other: null });
    expect(calls).toBe(6);
  });
});
