// The pure rules of apply's retries: what a version race looks like, how long a new user is waited for,
// and the per-user lanes.
import { describe, expect, it } from 'vitest';

import {
  isConflict,
  isNotFound,
  isTaken,
  isTooLarge,
  isVersionRace,
  newUserPause,
  RetriesExhausted,
  retryWhen,
  statusOf,
  UserLanes,
} from '../../src/apply/retry.js';
import { apiError } from './fake-org.js';

describe('isVersionRace', () => {
  it('is every 409 and 408, and a 400 that says the version does not match', () => {
    expect(isVersionRace(apiError(409, 'general.conflict', 'The version supplied (3) does not match.'))).toBe(
      true,
    );
    expect(
      isVersionRace(
        apiError(
          409,
          'general.conflict',
          'The version number of the modified resource must match the version number in the database.',
        ),
      ),
    ).toBe(true);
    expect(isVersionRace(apiError(408, 'request.timeout', 'The request timed out.'))).toBe(true);
    expect(
      isVersionRace(
        apiError(
          400,
          'bad.request',
          'The version supplied (3) does not match the current version of the user (4).',
        ),
      ),
    ).toBe(true);
    expect(
      isVersionRace(
        apiError(
          400,
          'bad.request',
          'The version number of the modified resource must match the version number in the database.',
        ),
      ),
    ).toBe(true);
  });

  it('reads the message when there is no detail (an error from elsewhere)', () => {
    const error = Object.assign(new Error('Does Not Match The Current Version'), { status: 400 });
    expect(isVersionRace(error)).toBe(true);
  });

  it('is not any other 400, a 404, a 5xx, an error without status, nor a non-error', () => {
    expect(isVersionRace(apiError(400, 'bad.request', 'The skill does not exist.'))).toBe(false);
    expect(isVersionRace(apiError(400, 'invalid.value', 'version is required.'))).toBe(false);
    expect(isVersionRace(apiError(404, 'not.found', 'The user could not be found.'))).toBe(false);
    expect(isVersionRace(apiError(503, 'service.unavailable', 'does not match the current version'))).toBe(
      false,
    );
    expect(isVersionRace(new Error('409'))).toBe(false);
    expect(isVersionRace(null)).toBe(false);
    expect(isVersionRace('409 general.conflict')).toBe(false);
  });
});

describe('newUserPause', () => {
  it('doubles from 0.5 s up to 4 s: about 30 s in 10 tries', () => {
    const pauses = Array.from({ length: 9 }, (_, i) => newUserPause(i + 1));
    expect(pauses).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000]);
    expect(pauses.reduce((a, b) => a + b, 0)).toBe(27_500);
  });
});

describe('UserLanes', () => {
  it('runs writes to one user one after the other, in the order asked, and writes to others at once', async () => {
    const lanes = new UserLanes({ now: () => 0, sleep: () => Promise.resolve(), gapMs: 0 });
    const log: string[] = [];
    const write =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      };
    const a1 = lanes.run(['a'], write('a1', true));
    const b1 = lanes.run(['b'], write('b1'));
    const a2 = lanes.run(['a'], write('a2'));
    const ab = lanes.run(['a', 'b'], write('ab'));
    await expect(a1).rejects.toThrow('a1');
    await Promise.all([b1, a2, ab]);
    // a1 and b1 start at once; a2 after a1 (which failed); the move of both after a2 and b1.
    expect(log.slice(0, 2)).toEqual(['start a1', 'start b1']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start ab')).toBeGreaterThan(Math.max(log.indexOf('end a2'), log.indexOf('end b1')));
  });
});

describe('the reconcile rules, named once', () => {
  const conflict = apiError(409, 'general.conflict', 'The user already exists.');
  const missing = apiError(404, 'not.found', 'The user could not be found.');
  const nameTaken = apiError(400, 'bad.request', 'Phone name already in use.');
  const tooMany = apiError(400, 'bad.request', 'subjectIds may contain at most 50 items.');

  it('tells a conflict, a taken name, a missing user and a bulk call over the cap apart', () => {
    expect([conflict, missing, nameTaken, tooMany].map(isConflict)).toEqual([true, false, false, false]);
    expect([conflict, missing, nameTaken, tooMany].map(isTaken)).toEqual([true, false, true, true]);
    expect([conflict, missing, nameTaken, tooMany].map(isNotFound)).toEqual([false, true, false, false]);
    expect([conflict, missing, nameTaken, tooMany].map(isTooLarge)).toEqual([false, false, false, true]);
    expect(isTooLarge(apiError(413, 'payload.too.large', 'Too large'))).toBe(true);
  });

  it('reads the last status of a write whose retries ran out', () => {
    const exhausted = new RetriesExhausted('still not found', 404);
    expect(statusOf(exhausted)).toBe(404);
    expect(isNotFound(exhausted)).toBe(true);
  });

  it('retries a 404 only about a new user, and a version race only on a versioned write', () => {
    const newUser = { newUser: true, versioned: false };
    const versioned = { newUser: false, versioned: true };
    expect(retryWhen(missing, newUser)).toBe('new user');
    expect(retryWhen(missing, versioned)).toBeNull();
    expect(retryWhen(conflict, versioned)).toBe('version race');
    expect(retryWhen(conflict, newUser)).toBeNull();
    expect(retryWhen(nameTaken, versioned)).toBeNull();
  });
});
