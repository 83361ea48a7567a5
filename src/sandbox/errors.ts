// Genesys ErrorBody and the errors handlers throw. A handler throws an ApiError; the server turns
// it into the same body Genesys sends: {message, code, status, messageWithParams, messageParams,
// contextId, details, errors}.

export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export function errorBody(
  status: number,
  code: string,
  message: string,
  contextId: string,
  details: ErrorDetail[] = [],
): Record<string, unknown> {
  return {
    message,
    code,
    status,
    messageWithParams: message,
    messageParams: {},
    contextId,
    details,
    errors: [],
  };
}

/** 400 `bad.request`, naming the field when there is one. */
export function badRequest(message: string, fieldName?: string): ApiError {
  return new ApiError(
    400,
    'bad.request',
    message,
    fieldName ? [{ errorCode: 'bad.request', fieldName }] : [],
  );
}

/** 400 `invalid.value` for a field whose value is not allowed. */
export function invalidValue(fieldName: string, message: string): ApiError {
  return new ApiError(400, 'invalid.value', message, [{ errorCode: 'invalid.value', fieldName }]);
}

export function notFound(message: string, entityId?: string): ApiError {
  return new ApiError(404, 'not.found', message, entityId ? [{ errorCode: 'not.found', entityId }] : []);
}

export function conflict(message: string, entityId?: string): ApiError {
  return new ApiError(
    409,
    'general.conflict',
    message,
    entityId ? [{ errorCode: 'general.conflict', entityId }] : [],
  );
}
