// The Platform API contract: every request the client sends and every response the sandbox returns,
// checked against the vendored Swagger 2.0 subset (spec/platform-api-subset.json) with ajv.
//
// What is checked, per exchange:
//   request:  the path matches an operation (a literal segment beats a `{param}`), path parameters
//             (enums), query parameters (known names, types, enums, required ones, no repeats of a
//             scalar), the body against the body parameter's schema (required fields, types, enums,
//             no property the schema does not declare, no readOnly property of the written object);
//   response: the status is one the operation declares (or a generic error: GENERIC_STATUSES), the
//             body matches that status's schema (ErrorBody for an error status without one), and a
//             status without a schema comes without a body.
// Everything the spec does not allow is a violation unless KNOWN_QUIRKS lists it for that operation
// and direction; quirks come from real-api.md §11 and nothing else is allowed silently.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

export const SPEC_PATH = fileURLToPath(new URL('../../spec/platform-api-subset.json', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The spec's shape (only what the validator reads).

export type JsonSchema = { [key: string]: unknown };

interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'body' | 'header' | 'formData';
  required?: boolean;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: { type?: string; enum?: unknown[] };
  collectionFormat?: string;
  schema?: JsonSchema;
}

interface SpecResponse {
  description?: string;
  schema?: JsonSchema;
}

interface SpecOperation {
  operationId: string;
  parameters?: SpecParameter[];
  responses: Record<string, SpecResponse>;
  'x-used-by'?: string[];
}

export interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  definitions: Record<string, JsonSchema>;
}

export function loadSpec(path = SPEC_PATH): Spec {
  return JSON.parse(readFileSync(path, 'utf8')) as Spec;
}

// ---------------------------------------------------------------------------------------------
// Results.

export type Direction = 'request' | 'response';
export type Part = 'path' | 'query' | 'body' | 'status';

export interface Violation {
  /** `METHOD /api/v2/template`, or `METHOD /path` as sent when no operation matches. */
  operation: string;
  direction: Direction;
  part: Part;
  /** JSON pointer into the part: `/addresses/0/type` in a body, `/expand` in the query. */
  pointer: string;
  message: string;
  /** `METHOD /path?query → status`, to find the exchange. */
  exchange: string;
}

export interface Exchange {
  method: string;
  /** Path and query as sent: `/api/v2/users?pageSize=100&expand=locations`. */
  url: string;
  /** Parsed JSON; undefined when the request had no body. */
  requestBody?: unknown;
  status: number;
  /** Parsed JSON; undefined when the response had no body. */
  responseBody?: unknown;
}

export interface ExchangeResult {
  /** The matched operation (`METHOD template`), or null when none matches. */
  operation: string | null;
  violations: Violation[];
  /** Ids of the quirks that excused something in this exchange. */
  quirks: string[];
}

export function formatViolation(v: Violation): string {
  return `${v.operation} [${v.direction} ${v.part} ${v.pointer || '/'}]: ${v.message} (${v.exchange})`;
}

// ---------------------------------------------------------------------------------------------
// The spec's known quirks: the only things allowed that the spec does not declare.

/** A finding before quirks are applied; quirks look at it and at the data at its pointer. */
export interface Finding {
  operation: string;
  direction: Direction;
  part: Part;
  pointer: string;
  message: string;
  /** The ajv error behind it, for body findings. */
  error?: ErrorObject;
  /** The value at `pointer` (body findings), or the raw value (query findings). */
  value?: unknown;
  status?: number;
}

export interface ContractQuirk {
  id: string;
  /** The operations it applies to (`METHOD template`); `*` for any. */
  operations: readonly string[] | '*';
  direction: Direction;
  /** What it allows, in one line. */
  allows: string;
  /** Why, with its source (real-api.md). */
  reason: string;
  excuses(finding: Finding): boolean;
}

/** `{id}` or `{id, selfUri}` (optionally `name`): how the API returns a reference. */
function isReference(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.includes('id') &&
    keys.every((key) => key === 'id' || key === 'selfUri' || key === 'name') &&
    typeof (value as { id: unknown }).id === 'string'
  );
}

/** A `required` finding for User.version on an object at a pointer ending in `/<field>` that is a reference. */
function userReferenceAt(finding: Finding, field: RegExp): boolean {
  const error = finding.error;
  return (
    finding.direction === 'response' &&
    finding.part === 'body' &&
    error?.keyword === 'required' &&
    (error.params as { missingProperty?: string }).missingProperty === 'version' &&
    field.test(error.instancePath) &&
    isReference(finding.value)
  );
}

export const KNOWN_QUIRKS: readonly ContractQuirk[] = [
  {
    id: 'manager-is-a-reference',
    operations: '*',
    direction: 'response',
    allows: 'User.manager as {id, selfUri} (no `version`, which User requires)',
    reason: 'real-api.md §11: `manager` is typed as a full User but the API returns {id, selfUri}.',
    excuses: (finding) => userReferenceAt(finding, /\/manager$/),
  },
  {
    id: 'station-default-user-is-a-reference',
    operations: '*',
    direction: 'response',
    allows: 'UserStation.defaultUser as {id, selfUri} (no `version`, which User requires)',
    reason:
      'real-api.md §11: `UserStation.defaultUser` is typed as a full User but the API returns {id, selfUri}.',
    excuses: (finding) =>
      userReferenceAt(
        finding,
        /\/(associatedStation|effectiveStation|defaultStation|lastAssociatedStation)\/defaultUser$/,
      ),
  },
  {
    id: 'post-users-409',
    operations: ['POST /api/v2/users'],
    direction: 'response',
    allows: 'status 409 (with an ErrorBody) on POST /users',
    reason: 'real-api.md §11: the spec lists no 409 for POST /users though a taken email gets one.',
    excuses: (finding) => finding.part === 'status' && finding.status === 409,
  },
  {
    id: 'version-race-409',
    operations: [
      'PATCH /api/v2/users/{userId}/routingskills/bulk',
      'PUT /api/v2/users/{userId}/station/defaultstation/{stationId}',
    ],
    direction: 'response',
    allows: 'status 409 (with an ErrorBody) when another write to the same user is in flight',
    reason:
      'real-api.md §3: TF issue #1461 saw 409 "version number … must match" on station assignment, and TF retries 409 on skills bulk; neither operation declares it.',
    excuses: (finding) => finding.part === 'status' && finding.status === 409,
  },
  {
    id: 'post-locations-409',
    operations: ['POST /api/v2/locations'],
    direction: 'response',
    allows: 'status 409 (with an ErrorBody) for a location name that is taken',
    reason:
      'real-api.md §10 and §12 item 9: whether location names are unique is unknown; the sandbox takes the stricter reading (a taken name is refused) until a real org is measured.',
    excuses: (finding) => finding.part === 'status' && finding.status === 409,
  },
  {
    id: 'search-without-hits-omits-results',
    operations: ['POST /api/v2/users/search', 'POST /api/v2/locations/search'],
    direction: 'response',
    allows: 'a search response with no hits that leaves out `results` (total 0)',
    reason:
      'Genesys leaves empty collections out of its JSON; the spec marks `results` required. The sandbox takes the reading that makes a client handle both.',
    excuses: (finding) =>
      finding.part === 'body' &&
      finding.pointer === '' &&
      /required property .?results/.test(finding.message) &&
      (finding.value as { total?: unknown } | undefined)?.total === 0,
  },
  {
    id: 'expand-comma-joined',
    operations: '*',
    direction: 'request',
    allows: '`expand` sent once, comma-joined, each item still checked against the enum',
    reason:
      'real-api.md §11: `expand` is declared as repeated parameters while the SDK sends it comma-joined.',
    excuses: (finding) =>
      finding.part === 'query' && finding.pointer === '/expand' && finding.message === COMMA_JOINED,
  },
];

const COMMA_JOINED = 'comma-joined values of a repeated (collectionFormat multi) parameter';

// ---------------------------------------------------------------------------------------------
// Operations and matching.

interface Operation {
  key: string;
  method: string;
  template: string;
  segments: string[];
  spec: SpecOperation;
  body: SpecParameter | undefined;
  /** Compiled on first use: compiling all 47 operations up front costs seconds. */
  requestValidator: () => ValidateFunction | undefined;
  /** Declared statuses → a lazily compiled validator, or null when the status declares no schema. */
  responseValidators: Map<string, (() => ValidateFunction) | null>;
  /** The spec's definitions, for the readOnly walk. */
  definitions: Record<string, JsonSchema>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** `#/definitions/X` inside an inline schema → the registered spec document's definitions. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')
        ? `spec${value}`
        : rebase(value);
  }
  return out;
}

/**
 * Swagger definitions leave additionalProperties open; the SDK models they come from list every
 * property, so an undeclared one is drift on either side. Close every object that lists properties.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    // Property names are data, not schemas: recurse into their values only.
    out[key] =
      key === 'properties' && typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closeObjects(sub)]))
        : closeObjects(value);
  }
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function makeAjv(spec: Spec): Ajv {
  // strict: the schemas are ours to know; unknown keywords or formats would be a bug of this file.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, validateFormats: true });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  // Swagger's vendor extensions (`x-…`) are annotations: known to ajv, never validated.
  for (const keyword of vendorKeys(spec)) ajv.addKeyword(keyword);
  ajv.addSchema({ definitions: closeObjects(spec.definitions) }, 'spec');
  return ajv;
}

/** Every `x-…` key used as a schema keyword in the definitions and the operations' schemas. */
function vendorKeys(spec: Spec): Set<string> {
  const keys = new Set<string>();
  const walk = (schema: unknown): void => {
    if (Array.isArray(schema)) return schema.forEach(walk);
    if (typeof schema !== 'object' || schema === null) return;
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith('x-')) keys.add(key);
      else if (key === 'properties' && typeof value === 'object' && value !== null)
        Object.values(value).forEach(walk);
      else walk(value);
    }
  };
  Object.values(spec.definitions).forEach(walk);
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      op.parameters?.forEach((p) => walk(p.schema));
      Object.values(op.responses ?? {}).forEach((r) => walk(r.schema));
    }
  }
  return keys;
}

export interface Contract {
  /** The operation a request goes to, or null. */
  findOperation(method: string, path: string): { key: string; params: Record<string, string> } | null;
  /** Every operation of the spec, as `METHOD template`. */
  operations(): string[];
  /** Operations whose `x-used-by` names the client (the spec's own record of what gc-onboard calls). */
  clientOperations(): string[];
  validate(exchange: Exchange): ExchangeResult;
}

export function createContract(
  spec: Spec = loadSpec(),
  quirks: readonly ContractQuirk[] = KNOWN_QUIRKS,
): Contract {
  const ajv = makeAjv(spec);
  const compile = (schema: JsonSchema): ValidateFunction =>
    ajv.compile(closeObjects(rebase(schema)) as JsonSchema);

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const body = op.parameters?.find((p) => p.in === 'body');
      const responseValidators = new Map<string, (() => ValidateFunction) | null>();
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.schema;
        responseValidators.set(status, schema ? lazy(() => compile(schema)) : null);
      }
      operations.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        segments: template.split('/'),
        spec: op,
        body,
        requestValidator: lazy(() => (body?.schema ? compile(body.schema) : undefined)),
        responseValidators,
        definitions: spec.definitions,
      });
    }
  }
  const errorBody = lazy(() => compile({ $ref: '#/definitions/ErrorBody' }));

  const match = (method: string, path: string) => {
    const segments = path.split('/');
    let best: { op: Operation; params: Record<string, string>; rank: number[] } | null = null;
    for (const op of operations) {
      if (op.method !== method || op.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      // 1 per literal segment, 0 per parameter: compared left to right, a literal beats a template.
      const rank: number[] = [];
      let ok = true;
      op.segments.forEach((segment, i) => {
        const actual = segments[i] ?? '';
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param?.[1]) {
          if (actual === '') ok = false;
          params[param[1]] = safeDecode(actual);
          rank.push(0);
        } else {
          if (segment !== actual) ok = false;
          rank.push(1);
        }
      });
      if (ok && (!best || compareRank(rank, best.rank) > 0)) best = { op, params, rank };
    }
    return best;
  };

  const validate = (exchange: Exchange): ExchangeResult => {
    const method = exchange.method.toUpperCase();
    const url = new URL(exchange.url, 'http://contract.invalid');
    const where = `${method} ${exchange.url} → ${exchange.status}`;
    const found = match(method, url.pathname);
    if (!found) {
      return {
        operation: null,
        quirks: [],
        violations: [
          {
            operation: `${method} ${url.pathname}`,
            direction: 'request',
            part: 'path',
            pointer: '',
            message: 'no operation of the spec has this method and path',
            exchange: where,
          },
        ],
      };
    }
    const { op, params } = found;
    const findings: Finding[] = [
      ...checkPath(op, params),
      ...checkQuery(op, url.searchParams),
      ...checkRequestBody(op, exchange.requestBody),
      ...checkResponse(op, exchange.status, exchange.responseBody, errorBody),
    ];
    const violations: Violation[] = [];
    const used = new Set<string>();
    for (const finding of findings) {
      const quirk = quirks.find(
        (q) =>
          q.direction === finding.direction &&
          (q.operations === '*' || q.operations.includes(op.key)) &&
          q.excuses(finding),
      );
      if (quirk) {
        used.add(quirk.id);
        continue;
      }
      violations.push({
        operation: op.key,
        direction: finding.direction,
        part: finding.part,
        pointer: finding.pointer,
        message: finding.message,
        exchange: where,
      });
    }
    return { operation: op.key, violations, quirks: [...used] };
  };

  return {
    findOperation: (method, path) => {
      const found = match(method.toUpperCase(), path);
      return found ? { key: found.op.key, params: found.params } : null;
    },
    operations: () => operations.map((op) => op.key),
    clientOperations: () =>
      operations.filter((op) => op.spec['x-used-by']?.includes('client')).map((op) => op.key),
    validate,
  };
}

function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---------------------------------------------------------------------------------------------
// Request: path and query parameters.

function checkPath(op: Operation, params: Record<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const param of op.spec.parameters ?? []) {
    if (param.in !== 'path') continue;
    const value = params[param.name];
    if (value === undefined) {
      out.push(finding(op, 'request', 'path', `/${param.name}`, 'the template has no such segment'));
      continue;
    }
    const problem = scalarProblem(param, value);
    if (problem) out.push(finding(op, 'request', 'path', `/${param.name}`, problem, value));
  }
  return out;
}

function checkQuery(op: Operation, query: URLSearchParams): Finding[] {
  const out: Finding[] = [];
  const declared = new Map(
    (op.spec.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p] as const),
  );
  const names = new Set(query.keys());
  for (const name of names) {
    const param = declared.get(name);
    const values = query.getAll(name);
    const pointer = `/${name}`;
    if (!param) {
      out.push(finding(op, 'request', 'query', pointer, `unknown query parameter "${name}"`, values));
      continue;
    }
    if (param.type === 'array') {
      let items = values;
      // One occurrence holding commas: the SDK's way for repeated parameters; a quirk may allow it.
      if (values.length === 1 && values[0]?.includes(',')) {
        out.push(finding(op, 'request', 'query', pointer, COMMA_JOINED, values));
        items = values[0].split(',');
      }
      items.forEach((item) => {
        const problem = scalarProblem({ ...param, ...param.items, name }, item);
        if (problem) out.push(finding(op, 'request', 'query', pointer, problem, item));
      });
      continue;
    }
    if (values.length > 1) {
      out.push(
        finding(
          op,
          'request',
          'query',
          pointer,
          `"${name}" is not repeatable but was sent ${values.length} times`,
          values,
        ),
      );
    }
    for (const value of values) {
      const problem = scalarProblem(param, value);
      if (problem) out.push(finding(op, 'request', 'query', pointer, problem, value));
    }
  }
  for (const [name, param] of declared) {
    if (param.required && !names.has(name))
      out.push(finding(op, 'request', 'query', `/${name}`, `required query parameter "${name}" is missing`));
  }
  return out;
}

/** Why a path or query value does not fit its declared type, format and enum; null when it does. */
function scalarProblem(
  param: Pick<SpecParameter, 'name' | 'type' | 'format' | 'enum'>,
  value: string,
): string | null {
  switch (param.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(value)) return `"${param.name}" must be an integer, got "${value}"`;
      const n = Number(value);
      if (param.format === 'int32' && (n < -(2 ** 31) || n >= 2 ** 31))
        return `"${param.name}" must be an int32, got ${value}`;
      break;
    }
    case 'number':
      if (value.trim() === '' || !Number.isFinite(Number(value)))
        return `"${param.name}" must be a number, got "${value}"`;
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false')
        return `"${param.name}" must be true or false, got "${value}"`;
      break;
    case 'string':
    case undefined:
      break;
    default:
      return `"${param.name}" has type ${param.type}, which this validator cannot check`;
  }
  if (param.enum && !param.enum.map(String).includes(value))
    return `"${param.name}" must be one of ${param.enum.map(String).join(', ')}; got "${value}"`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Request body and response.

function checkRequestBody(op: Operation, body: unknown): Finding[] {
  if (!op.body) {
    return body === undefined
      ? []
      : [finding(op, 'request', 'body', '', 'the operation takes no body but one was sent', body)];
  }
  if (body === undefined) {
    return op.body.required ? [finding(op, 'request', 'body', '', 'the required body is missing')] : [];
  }
  const out = ajvFindings(op, 'request', op.requestValidator(), body);
  if (op.body.schema) out.push(...readOnlyFindings(op, op.body.schema, body));
  return out;
}

function checkResponse(
  op: Operation,
  status: number,
  body: unknown,
  errorBody: () => ValidateFunction,
): Finding[] {
  const key = String(status);
  if (!op.responseValidators.has(key) && isGeneric(status)) {
    // Any operation may meet these; the answer must still be an ErrorBody.
    return body === undefined ? [] : ajvFindings(op, 'response', errorBody(), body);
  }
  if (!op.responseValidators.has(key)) {
    const out: Finding[] = [
      {
        ...finding(
          op,
          'response',
          'status',
          '',
          `status ${status} is not declared for this operation (declared: ${[...op.responseValidators.keys()].join(', ')})`,
        ),
        status,
      },
    ];
    // Still hold an undeclared error to the error shape.
    if (status >= 400 && body !== undefined) out.push(...ajvFindings(op, 'response', errorBody(), body));
    return out;
  }
  const declared = op.responseValidators.get(key);
  const validator = declared ? declared() : status >= 400 ? errorBody() : null;
  if (validator === null) {
    return body === undefined
      ? []
      : [finding(op, 'response', 'body', '', `status ${status} declares no body but one was returned`, body)];
  }
  if (body === undefined)
    return [finding(op, 'response', 'body', '', `status ${status} declares a body but none was returned`)];
  return ajvFindings(op, 'response', validator, body);
}

/**
 * Statuses any operation may answer although its list may lack them: authentication and permission
 * (401, 403), not found (404), timeout (408), rate limit (429), server errors (5xx). The spec lists
 * them for nearly every operation as "standard Genesys error codes", some lists only inferred; the
 * rest (success codes, 400, 409, 413, 415, 424) must be the operation's own.
 */
export const GENERIC_STATUSES = 'status 401, 403, 404, 408, 429 and 5xx with an ErrorBody';
function isGeneric(status: number): boolean {
  return [401, 403, 404, 408, 429].includes(status) || (status >= 500 && status <= 599);
}

function ajvFindings(
  op: Operation,
  direction: Direction,
  validator: ValidateFunction | undefined,
  data: unknown,
): Finding[] {
  if (!validator || validator(data)) return [];
  return (validator.errors ?? []).map((error) => {
    const params = error.params as {
      missingProperty?: string;
      additionalProperty?: string;
      allowedValues?: unknown[];
    };
    let pointer = error.instancePath;
    let message = error.message ?? error.keyword;
    if (error.keyword === 'required' && params.missingProperty)
      message = `must have required property "${params.missingProperty}"`;
    if (error.keyword === 'additionalProperties' && params.additionalProperty) {
      pointer = `${pointer}/${params.additionalProperty}`;
      message = `property "${params.additionalProperty}" is not in the schema`;
    }
    if (error.keyword === 'enum' && params.allowedValues)
      message = `must be one of ${params.allowedValues.map(String).join(', ')}; got ${JSON.stringify(valueAt(data, error.instancePath))}`;
    if (error.keyword === 'type')
      message = `${message}; got ${JSON.stringify(valueAt(data, error.instancePath))}`;
    return { ...finding(op, direction, 'body', pointer, message, valueAt(data, error.instancePath)), error };
  });
}

/**
 * readOnly properties in a request body: the written object must not carry them (swagger 2.0:
 * readOnly is "sent as part of the response but MUST NOT be sent as part of the request"). Nested
 * objects are references to other entities (`site: {id}`), identified by `id`/`selfUri` even where
 * that entity's model marks them readOnly, so those two are allowed below the top level.
 */
function readOnlyFindings(op: Operation, schema: JsonSchema, body: unknown): Finding[] {
  const definitions = op.definitions;
  const out: Finding[] = [];
  const walk = (s: JsonSchema | undefined, data: unknown, pointer: string, depth: number): void => {
    let current = s;
    for (let hops = 0; current && typeof current.$ref === 'string' && hops < 50; hops += 1) {
      current = definitions[current.$ref.replace('#/definitions/', '')];
    }
    if (!current || typeof data !== 'object' || data === null) return;
    if (Array.isArray(data)) {
      data.forEach((item, i) =>
        walk(current.items as JsonSchema | undefined, item, `${pointer}/${i}`, depth),
      );
      return;
    }
    const properties = (current.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, value] of Object.entries(data)) {
      const property = properties[name];
      if (!property) continue;
      const reference = depth > 0 && (name === 'id' || name === 'selfUri');
      if (property.readOnly === true && !reference)
        out.push(
          finding(
            op,
            'request',
            'body',
            `${pointer}/${name}`,
            `readOnly property "${name}" sent in a request`,
            value,
          ),
        );
      walk(property, value, `${pointer}/${name}`, depth + 1);
    }
  };
  walk(schema, body, '', 0);
  return out;
}

function finding(
  op: Operation,
  direction: Direction,
  part: Part,
  pointer: string,
  message: string,
  value?: unknown,
): Finding {
  return { operation: op.key, direction, part, pointer, message, value };
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Violations grouped by what broke (operation, direction, part, pointer with array indices as `*`,
 * message), one line each with a count and the first exchange: readable when a run repeats one fault.
 */
export function summarizeViolations(violations: readonly Violation[]): string[] {
  const groups = new Map<string, { first: Violation; count: number }>();
  for (const v of violations) {
    const pointer = v.pointer.replace(/\/\d+(?=\/|$)/g, '/*');
    const message = v.message.replace(/; got .*$/, '');
    const key = `${v.operation} [${v.direction} ${v.part} ${pointer || '/'}]: ${message}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: v, count: 1 });
  }
  return [...groups].map(([key, { first, count }]) => `${count}× ${key} — e.g. ${formatViolation(first)}`);
}
