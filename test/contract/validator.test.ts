// The contract validator itself: it passes what the spec allows, catches each kind of violation,
// and applies each known quirk only where the quirk says.
import { describe, expect, it } from 'vitest';
import {
  createContract,
  KNOWN_QUIRKS,
  loadSpec,
  type Exchange,
  type Violation,
} from '../helpers/contract.js';
import { sharedContract } from '../helpers/contract-proxy.js';

const contract = sharedContract();
const USER_ID = '5eed0000-0009-4000-8000-000000000002';
const STATION_ID = '5eed0000-0011-4000-8000-000000000001';

/** A User as GET /users/{id} returns it. */
const user = (extra: Record<string, unknown> = {}) => ({
  id: USER_ID,
  name: 'Maria Gonzalez',
  email: 'maria.gonzalez@northfield.edu',
  state: 'active',
  version: 3,
  division: { id: 'd1', name: 'Student Services', selfUri: '/api/v2/authorization/divisions/d1' },
  addresses: [{ address: '+12155550110', display: '+1 215-555-0110', mediaType: 'PHONE', type: 'WORK' }],
  selfUri: `/api/v2/users/${USER_ID}`,
  ...extra,
});

const check = (exchange: Exchange) => contract.validate(exchange);
/** `direction part pointer: message` of each violation, enough to say which rule fired. */
const brief = (violations: Violation[]) =>
  violations.map((v) => `${v.direction} ${v.part} ${v.pointer}: ${v.message}`);

describe('operation matching', () => {
  it('matches path templates and prefers a literal segment to a parameter', () => {
    expect(contract.findOperation('GET', `/api/v2/users/${USER_ID}`)).toEqual({
      key: 'GET /api/v2/users/{userId}',
      params: { userId: USER_ID },
    });
    expect(contract.findOperation('GET', '/api/v2/authorization/subjects/me')?.key).toBe(
      'GET /api/v2/authorization/subjects/me',
    );
    expect(contract.findOperation('GET', '/api/v2/authorization/subjects/abc')?.key).toBe(
      'GET /api/v2/authorization/subjects/{subjectId}',
    );
    expect(contract.findOperation('POST', '/api/v2/users/search')?.key).toBe('POST /api/v2/users/search');
    expect(contract.findOperation('DELETE', `/api/v2/users/${USER_ID}`)).toBeNull();
  });

  it('reports a request no operation serves', () => {
    const result = check({ method: 'DELETE', url: `/api/v2/users/${USER_ID}`, status: 200 });
    expect(result.operation).toBeNull();
    expect(brief(result.violations)).toEqual([
      'request path : no operation of the spec has this method and path',
    ]);
  });
});

describe('the schema dialect', () => {
  it("takes swagger's x- keys and readOnly as annotations and knows its formats", () => {
    const spec = loadSpec();
    const errorBody = spec.definitions.ErrorBody as {
      properties: Record<string, unknown>;
      [key: string]: unknown;
    };
    errorBody['x-inin-note'] = 'annotation';
    errorBody.properties.status = { type: 'integer', format: 'int32', readOnly: true, 'x-deprecated': true };
    const local = createContract(spec);
    const ok = { message: 'm', code: 'c', status: 404 };
    expect(
      local.validate({ method: 'GET', url: '/api/v2/routing/skills', status: 404, responseBody: ok })
        .violations,
    ).toEqual([]);
    const big = local.validate({
      method: 'GET',
      url: '/api/v2/routing/skills',
      status: 404,
      responseBody: { ...ok, status: 2 ** 40 },
    });
    expect(brief(big.violations)).toEqual(['response body /status: must match format "int32"']);
  });
});

describe('a good exchange passes', () => {
  it('GET /users with known parameters and a listing of users', () => {
    const result = check({
      method: 'GET',
      url: '/api/v2/users?pageSize=100&pageNumber=1&state=any&expand=locations&expand=dateWelcomeSent',
      status: 200,
      responseBody: { entities: [user()], pageSize: 100, pageNumber: 1, total: 1, pageCount: 1 },
    });
    expect(result).toEqual({ operation: 'GET /api/v2/users', violations: [], quirks: [] });
  });

  it('POST /users with a CreateUser and the created User', () => {
    const result = check({
      method: 'POST',
      url: '/api/v2/users',
      requestBody: {
        name: 'Aisha Rahman',
        email: 'aisha@northfield.edu',
        divisionId: 'd1',
        title: 'Advisor',
      },
      status: 200,
      responseBody: user(),
    });
    expect(result.violations).toEqual([]);
  });

  it('POST a phone whose references carry ids (readOnly on the referenced model, allowed in a reference)', () => {
    const result = check({
      method: 'POST',
      url: '/api/v2/telephony/providers/edges/phones',
      requestBody: {
        name: 'Aisha Rahman',
        site: { id: 's1', selfUri: '/api/v2/telephony/providers/edges/sites/s1' },
        phoneBaseSettings: { id: 'b1' },
        lines: [{ name: 'Aisha Rahman_1', lineBaseSettings: { id: 'l1' } }],
        webRtcUser: { id: USER_ID },
      },
      status: 200,
      responseBody: {
        id: 'p1',
        name: 'Aisha Rahman',
        site: { id: 's1' },
        phoneBaseSettings: { id: 'b1' },
        lines: [{ id: 'ln1', name: 'Aisha Rahman_1' }],
        capabilities: { mediaCodecs: ['audio/opus', 'audio/pcmu'] },
      },
    });
    expect(result.violations).toEqual([]);
  });

  it('an error status with an ErrorBody', () => {
    const result = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}`,
      status: 404,
      responseBody: {
        message: 'not found',
        code: 'not.found',
        status: 404,
        contextId: 'c',
        details: [],
        errors: [],
      },
    });
    expect(result.violations).toEqual([]);
  });
});

describe('each kind of violation is caught', () => {
  it('an unknown query parameter', () => {
    const result = check({
      method: 'GET',
      url: '/api/v2/users?pageSize=25&sortBy=name',
      status: 200,
      responseBody: {},
    });
    expect(brief(result.violations)).toEqual(['request query /sortBy: unknown query parameter "sortBy"']);
  });

  it('a bad enum value in the query and in a body', () => {
    const query = check({ method: 'GET', url: '/api/v2/users?sortOrder=ASC', status: 200, responseBody: {} });
    expect(brief(query.violations)).toEqual([
      'request query /sortOrder: "sortOrder" must be one of ascending, descending; got "ASC"',
    ]);
    const body = check({
      method: 'POST',
      url: '/api/v2/users/search',
      requestBody: { query: [{ type: 'FUZZY', fields: ['email'], value: 'a@b.c' }] },
      status: 200,
      responseBody: { total: 0, pageCount: 0, pageSize: 25, pageNumber: 1, types: ['users'], results: [] },
    });
    expect(brief(body.violations)).toEqual([
      'request body /query/0/type: must be one of EXACT, STARTS_WITH, CONTAINS, REGEX, TERM, TERMS, REQUIRED_FIELDS, MATCH_ALL, QUERY_STRING, RANGE, LESS_THAN, LESS_THAN_EQUAL_TO, GREATER_THAN, GREATER_THAN_EQUAL_TO; got "FUZZY"',
    ]);
  });

  it('a missing required body field, and a missing body', () => {
    const result = check({
      method: 'POST',
      url: '/api/v2/users',
      requestBody: { name: 'Aisha Rahman', email: 'aisha@northfield.edu' },
      status: 200,
      responseBody: user(),
    });
    expect(brief(result.violations)).toEqual(['request body : must have required property "divisionId"']);
    const none = check({
      method: 'PATCH',
      url: `/api/v2/users/${USER_ID}`,
      status: 200,
      responseBody: user(),
    });
    expect(brief(none.violations)).toEqual(['request body : the required body is missing']);
  });

  it('a wrong type in the query and in a body', () => {
    const result = check({
      method: 'PATCH',
      url: `/api/v2/users/${USER_ID}?pageSize=ten`,
      requestBody: { version: '3', title: 'Advisor' },
      status: 200,
      responseBody: user(),
    });
    expect(brief(result.violations)).toEqual([
      'request query /pageSize: unknown query parameter "pageSize"',
      'request body /version: must be integer; got "3"',
    ]);
    const query = check({
      method: 'GET',
      url: '/api/v2/routing/skills?pageSize=ten',
      status: 200,
      responseBody: {},
    });
    expect(brief(query.violations)).toEqual([
      'request query /pageSize: "pageSize" must be an integer, got "ten"',
    ]);
  });

  it('a property the schema does not declare, and a readOnly property of the written object', () => {
    const result = check({
      method: 'PATCH',
      url: `/api/v2/users/${USER_ID}`,
      requestBody: { version: 3, id: USER_ID, managerId: 'm1' },
      status: 200,
      responseBody: user(),
    });
    expect(brief(result.violations)).toEqual([
      'request body /managerId: property "managerId" is not in the schema',
      'request body /id: readOnly property "id" sent in a request',
    ]);
    // Below the top level only `id`/`selfUri` pass as a reference; other readOnly fields do not.
    const phone = check({
      method: 'POST',
      url: '/api/v2/telephony/providers/edges/phones',
      requestBody: {
        name: 'x',
        site: { id: 's1' },
        phoneBaseSettings: { id: 'b1' },
        lines: [{ name: 'x_1', dateCreated: '2026-01-01T00:00:00Z' }],
      },
      status: 200,
      responseBody: {
        name: 'x',
        site: { id: 's1' },
        phoneBaseSettings: { id: 'b1' },
        lines: [{ name: 'x_1' }],
      },
    });
    expect(brief(phone.violations)).toEqual([
      'request body /lines/0/dateCreated: readOnly property "dateCreated" sent in a request',
    ]);
  });

  it('a body on an operation that takes none', () => {
    const result = check({
      method: 'POST',
      url: `/api/v2/users/${USER_ID}/invite?force=false`,
      requestBody: { force: false },
      status: 204,
    });
    expect(brief(result.violations)).toEqual(['request body : the operation takes no body but one was sent']);
  });

  it('an undeclared status', () => {
    const result = check({
      method: 'PUT',
      url: `/api/v2/users/${USER_ID}/station/defaultstation/${STATION_ID}`,
      status: 204,
    });
    expect(brief(result.violations)).toEqual([
      'response status : status 204 is not declared for this operation (declared: 202, 400, 401, 403, 404, 415, 429, 500, 503, 504)',
    ]);
  });

  it('a generic error status passes on any operation as an ErrorBody; a 409 the operation lacks does not', () => {
    const gateway = check({
      method: 'GET',
      url: '/api/v2/routing/skills',
      status: 502,
      responseBody: { message: 'bad gateway', code: 'bad.gateway', status: 502 },
    });
    expect(gateway.violations).toEqual([]);
    const timeout = check({
      method: 'GET',
      url: '/api/v2/routing/skills',
      status: 408,
      responseBody: { text: 'x' },
    });
    expect(brief(timeout.violations)).toEqual(['response body /text: property "text" is not in the schema']);
    // A 409 on an operation that declares none and has no quirk for it is a violation.
    const conflict = check({
      method: 'POST',
      url: '/api/v2/routing/queues/q1/members',
      requestBody: [{ id: USER_ID }],
      status: 409,
      responseBody: { message: 'conflict', code: 'general.conflict', status: 409 },
    });
    expect(brief(conflict.violations)).toEqual([
      expect.stringMatching(/^response status : status 409 is not declared for this operation/),
    ]);
    // The version race on skills bulk is a known quirk (real-api.md §3): excused, and said so.
    const race = check({
      method: 'PATCH',
      url: `/api/v2/users/${USER_ID}/routingskills/bulk`,
      requestBody: [{ id: 's1', proficiency: 4 }],
      status: 409,
      responseBody: { message: 'version must match', code: 'conflict', status: 409 },
    });
    expect(race).toMatchObject({ violations: [], quirks: ['version-race-409'] });
  });

  it('a bad response shape: enum, type, extra property, required field, missing body, unexpected body', () => {
    const result = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}`,
      status: 200,
      responseBody: user({ state: 'gone', version: undefined, title: 7, divisionId: 'd1' }),
    });
    expect(brief(result.violations)).toEqual([
      'response body : must have required property "version"',
      'response body /divisionId: property "divisionId" is not in the schema',
      'response body /state: must be one of active, inactive, deleted; got "gone"',
      'response body /title: must be string; got 7',
    ]);
    const empty = check({ method: 'GET', url: `/api/v2/users/${USER_ID}`, status: 200 });
    expect(brief(empty.violations)).toEqual([
      'response body : status 200 declares a body but none was returned',
    ]);
    const extra = check({
      method: 'POST',
      url: `/api/v2/users/${USER_ID}/invite`,
      status: 204,
      responseBody: {},
    });
    expect(brief(extra.violations)).toEqual([
      'response body : status 204 declares no body but one was returned',
    ]);
  });

  it('an error body that is not an ErrorBody', () => {
    const result = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}`,
      status: 429,
      responseBody: { message: 'slow down', status: '429', retryAfter: 3 },
    });
    expect(brief(result.violations)).toEqual([
      'response body /retryAfter: property "retryAfter" is not in the schema',
      'response body /status: must be integer; got "429"',
    ]);
  });
});

describe('known quirks apply only where they say', () => {
  it('lists each quirk with its reason', () => {
    expect(KNOWN_QUIRKS.map((q) => q.id)).toEqual([
      'manager-is-a-reference',
      'station-default-user-is-a-reference',
      'post-users-409',
      'version-race-409',
      'post-locations-409',
      'search-without-hits-omits-results',
      'expand-comma-joined',
    ]);
    for (const quirk of KNOWN_QUIRKS) expect(quirk.reason.length).toBeGreaterThan(40);
  });

  it('manager as {id, selfUri} passes; a manager that is neither a User nor a reference does not', () => {
    const reference = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}`,
      status: 200,
      responseBody: user({ manager: { id: 'm1', selfUri: '/api/v2/users/m1' } }),
    });
    expect(reference).toMatchObject({ violations: [], quirks: ['manager-is-a-reference'] });
    const partial = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}`,
      status: 200,
      responseBody: user({ manager: { id: 'm1', email: 'm@northfield.edu' } }),
    });
    expect(brief(partial.violations)).toEqual([
      'response body /manager: must have required property "version"',
    ]);
  });

  it('UserStation.defaultUser as a reference passes; associatedUser as a reference does not', () => {
    const station = (field: string) =>
      check({
        method: 'GET',
        url: `/api/v2/users/${USER_ID}/station`,
        status: 200,
        responseBody: {
          defaultStation: {
            id: STATION_ID,
            name: 'x',
            type: 'inin_webrtc_softphone',
            [field]: { id: USER_ID },
          },
        },
      });
    expect(station('defaultUser')).toMatchObject({
      violations: [],
      quirks: ['station-default-user-is-a-reference'],
    });
    expect(brief(station('associatedUser').violations)).toEqual([
      'response body /defaultStation/associatedUser: must have required property "version"',
    ]);
  });

  it('409 passes on POST /users only, and its body must still be an ErrorBody', () => {
    const conflict = { message: 'taken', code: 'general.conflict', status: 409 };
    expect(
      check({
        method: 'POST',
        url: '/api/v2/users',
        requestBody: { name: 'a', email: 'a@b.c', divisionId: 'd' },
        status: 409,
        responseBody: conflict,
      }),
    ).toMatchObject({ violations: [], quirks: ['post-users-409'] });
    const search = check({
      method: 'POST',
      url: '/api/v2/users/search',
      requestBody: { query: [] },
      status: 409,
      responseBody: conflict,
    });
    expect(brief(search.violations)).toEqual([
      'response status : status 409 is not declared for this operation (declared: 200, 400, 401, 403, 404, 415, 429, 500, 503, 504)',
    ]);
    const badBody = check({
      method: 'POST',
      url: '/api/v2/users',
      requestBody: { name: 'a', email: 'a@b.c', divisionId: 'd' },
      status: 409,
      responseBody: { error: 'taken' },
    });
    expect(brief(badBody.violations)).toEqual([
      'response body /error: property "error" is not in the schema',
    ]);
  });

  it('a comma-joined expand passes with each item checked; other repeated parameters may not be joined', () => {
    const joined = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}?expand=dateWelcomeSent,dateLastLogin`,
      status: 200,
      responseBody: user(),
    });
    expect(joined).toMatchObject({ violations: [], quirks: ['expand-comma-joined'] });
    const badItem = check({
      method: 'GET',
      url: `/api/v2/users/${USER_ID}?expand=locations,hireDate`,
      status: 200,
      responseBody: user(),
    });
    expect(brief(badItem.violations)).toEqual([
      expect.stringMatching(/^request query \/expand: "expand" must be one of .*; got "hireDate"$/),
    ]);
    const fields = check({
      method: 'GET',
      url: '/api/v2/telephony/providers/edges/phones?fields=webRtcUser,lines.loggedInUser',
      status: 200,
      responseBody: { entities: [] },
    });
    expect(brief(fields.violations)).toEqual([
      'request query /fields: comma-joined values of a repeated (collectionFormat multi) parameter',
    ]);
  });
});
