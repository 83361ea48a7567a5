// The probe is tested by the thing it measures: against a sandbox started with a profile P it must
// write a profile P' equal to P on every measured field (lags within their polling step).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/run.js';
import { openOrg, type OrgSession } from '../../src/run/org.js';
import { parseProfile, profileToOptions, type OrgProfile } from '../../src/sandbox/profile.js';

const POLL_MS = 50;
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
  expect(measured.org.defaultCountryCode).toBe(given.org.defaultCountryCode);
  expect(measured.rateLimitPerMinute).toBe(given.rateLimitPerMinute);
}

describe('gc-onboard probe against the sandbox', () => {
  it('measures the real-api defaults (short lags) back from a sandbox started with them', async () => {
    const { result, stalledMs } = await probe(SHORT_DEFAULTS);
    expectSameMeasure(parseProfile(result.profile), SHORT_DEFAULTS, stalledMs);
  }, 30_000);

  it('measures a slower, lenient org back just as well', async () => {
    const { result, stalledMs } = await probe(SLOWER_LENIENT);
    expectSameMeasure(parseProfile(result.profile), SLOWER_LENIENT, stalledMs);
  }, 30_000);
});
