// An org profile (org-profile.json): what `gc-onboard probe` measured on a test org, in the units the
// sandbox takes, so the sandbox can behave like "our org as measured". Numbers only, no personal data:
// no names, emails or ids. Every field is optional; an absent field keeps the sandbox default
// (REAL_DEFAULTS in real.ts, userSearchLagMs/stationLagMs 2000).
import { z } from 'zod';
import type { SandboxOptions } from './types.js';

const ms = z.number().int().min(0).max(600_000);
const share = z.number().min(0).max(1);
const perMinute = z.number().int().min(0).max(1_000_000);
const count = z.number().int().min(0).max(1_000_000);

/** The RealBehaviours a probe can measure (real.ts REAL_DEFAULTS gives each default). */
export const measuredRealSchema = z
  .object({
    /** ms after POST /users that bulkadd answers 404 for the new user (default 2000). */
    authorizationLagMs: ms,
    /** ms after POST /users that skills bulk / queue members answer 404 (default 3000). */
    routingLagMs: ms,
    /** ms after POST /users that phone create with the user as webRtcUser answers 404 (default 4000). */
    telephonyLagMs: ms,
    /** Phones list gives webRtcUser / lines only when asked with fields / expand (default true). */
    phoneFieldsOnRequest: z.boolean(),
    /** dateWelcomeSent only with expand=dateWelcomeSent (default true). */
    datesOnlyWithExpand: z.boolean(),
    /** Share 0..1 of requested expands left out per user in listings (default 0.02). */
    expandDropRate: share,
    /** PHONE addresses stored in E.164 with the org's default country (default true). */
    addressShapes: z.boolean(),
    /** Skills bulk / station PUT answer 409 when racing a PATCH of the same user (default true). */
    versionRaces: z.boolean(),
    /** PUT default station refused without conversation:call:add (default true). */
    defaultStationNeedsCallAdd: z.boolean(),
    /** inin-ratelimit-allowed of POST /users/search per minute (default 180; 0 = token limit only). */
    usersSearchPerMinute: perMinute,
    /** inin-ratelimit-allowed of phone POST/PUT per minute (default 180; 0 = token limit only). */
    phoneWritesPerMinute: perMinute,
    /**
     * Most subjectIds POST /authorization/roles/{roleId} takes in one call, else 400 (default 100; 0 =
     * no cap). A probe records the largest it saw taken, a lower bound.
     */
    roleGrantSubjectCap: count,
  })
  .partial()
  .strict();

export const orgProfileSchema = z
  .object({
    /** Format version: 1. */
    version: z.literal(1),
    /** ISO time of the measurement. */
    measuredAt: z.string().datetime(),
    org: z
      .object({
        /** ISO 3166 alpha-2 default country of the org (default US). */
        defaultCountryCode: z.string().regex(/^[A-Z]{2}$/),
      })
      .partial()
      .strict(),
    real: measuredRealSchema,
    /** ms a new user is invisible to POST /users/search (default 2000). */
    userSearchLagMs: ms.optional(),
    /** ms a new WebRTC phone's station is invisible to GET /stations (default 2000). */
    stationLagMs: ms.optional(),
    /** token-wide inin-ratelimit-allowed per minute (default 300). */
    rateLimitPerMinute: perMinute.min(1).optional(),
    /** Statuses observed for edge cases (e.g. takenPhoneName: 400); informational. */
    statuses: z.record(z.string(), z.number().int()).optional(),
    /** Free text: what could not be measured and why. */
    notes: z.array(z.string()),
  })
  .strict();

export type OrgProfile = z.infer<typeof orgProfileSchema>;
export type MeasuredReal = z.infer<typeof measuredRealSchema>;

export class ProfileError extends Error {}

/** A parsed profile, or a ProfileError whose one-line message names the first bad field. */
export function parseProfile(value: unknown, source = 'profile'): OrgProfile {
  const result = orgProfileSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new ProfileError(`${source}: ${path}: ${issue?.message ?? 'invalid'}`);
}

/** The sandbox options a profile stands for (pure; absent fields keep the sandbox defaults). */
export function profileToOptions(profile: OrgProfile, base: SandboxOptions = {}): SandboxOptions {
  const options: SandboxOptions = { ...base, real: { ...profile.real } };
  if (profile.userSearchLagMs !== undefined) options.userSearchLagMs = profile.userSearchLagMs;
  if (profile.stationLagMs !== undefined) options.stationLagMs = profile.stationLagMs;
  if (profile.rateLimitPerMinute !== undefined) options.rateLimitPerMinute = profile.rateLimitPerMinute;
  if (profile.org.defaultCountryCode !== undefined && base.org !== undefined) {
    options.org = { ...base.org, defaultCountryCode: profile.org.defaultCountryCode };
  }
  return options;
}

/** Reads and checks a profile file (the I/O edge of `gc-onboard sandbox --profile`). */
export async function loadProfile(path: string): Promise<OrgProfile> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ProfileError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`${path}: not JSON (${(error as Error).message})`);
  }
  return parseProfile(value, path);
}
