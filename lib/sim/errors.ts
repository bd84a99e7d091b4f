/**
 * API errors shaped like apimachinery's metav1.Status, so kubectl can print them the way real kubectl does.
 * Models k8s.io/apimachinery/pkg/api/errors (NewNotFound, NewAlreadyExists, NewInvalid, NewConflict, NewBadRequest).
 */

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed';

export interface StatusCause { reason: string; message: string; field: string }

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
}

/** An error returned by the simulated API server; `status` is what the server would send on the wire. */
export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }
  get reason(): StatusReason { return this.status.reason; }
  get code(): number { return this.status.code; }
}

function status(reason: StatusReason, code: number, message: string, details?: Status['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

/** `pods "x" not found` (404). `resource` is the plural resource name, e.g. `pods`. */
export function notFound(resource: string, name: string): ApiError {
  return status('NotFound', 404, `${resource} "${name}" not found`, { name, kind: resource });
}

/** `pods "x" already exists` (409). */
export function alreadyExists(resource: string, name: string): ApiError {
  return status('AlreadyExists', 409, `${resource} "${name}" already exists`, { name, kind: resource });
}

/** Conflict on a stale resourceVersion (409), worded as apiserver's OptimisticLockErrorMsg. */
export function conflict(resource: string, name: string): ApiError {
  return status('Conflict', 409,
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, kind: resource });
}

/** `pods "x" is forbidden: <reason>` (403), as admission plugins refuse a request. Models errors.NewForbidden. */
export function forbidden(resource: string, name: string, reason: string): ApiError {
  const message = name ? `${resource} ${goQuote(name)} is forbidden: ${reason}` : `${resource} is forbidden: ${reason}`;
  return status('Forbidden', 403, message, { name, kind: resource });
}

/** A 400 BadRequest with the given message. Models errors.NewBadRequest. */
export function badRequest(message: string): ApiError {
  return status('BadRequest', 400, message);
}

/**
 * The BadRequest for a body the apiserver cannot decode, e.g. an unparsable quantity:
 * `Pod in version "v1" cannot be handled as a Pod: <err>`. Models k8s.io/apiserver/pkg/endpoints/handlers
 * transformDecodeError (v1.34).
 */
export function decodeError(kind: string, version: string, err: string): ApiError {
  return badRequest(`${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${err}`);
}

/** One field error, as k8s.io/apimachinery/pkg/util/validation/field.Error renders it (`path: Type: detail`). */
export interface FieldError { type: FieldErrorType; field: string; badValue?: unknown; detail?: string }
export type FieldErrorType = 'FieldValueNotFound' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueInvalid'
  | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany' | 'InternalError';

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
};

/** A bad value whose Go type implements fmt.Stringer (a ResourceName, a Quantity): ErrorBody prints it unquoted. */
export class Stringer {
  constructor(private readonly s: string) {}
  toString(): string { return this.s; }
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const escapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** Go's strconv.Quote (what %q prints): printable runes as they are, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (escapes[ch]) out += escapes[ch];
    else if (printable.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** How ErrorBody prints a bad value: strings %q, numbers and booleans %v, Stringers unquoted, nil as null. */
function renderBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Stringer) return v.toString();
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`; // %#v
  return JSON.stringify(v); // %#v of a Go struct cannot be reproduced from JSON; this is the closest readable form
}

/** Models field.Error.ErrorBody (apimachinery/pkg/util/validation/field/errors.go). */
export function fieldErrorBody(e: FieldError): string {
  let s = typeText[e.type];
  if (e.type !== 'FieldValueRequired' && e.type !== 'FieldValueForbidden' && e.type !== 'FieldValueTooLong' && e.type !== 'InternalError') {
    s += `: ${renderBadValue(e.badValue)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** Field error constructors with upstream's names and details. Models the field package's Invalid, Required, .... */
export const field = {
  notFound: (f: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field: f, badValue: value }),
  required: (f: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: f, badValue: '', detail }),
  duplicate: (f: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field: f, badValue: value }),
  invalid: (f: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field: f, badValue: value, detail }),
  /** `supported values: "a", "b"` (strconv.Quote of each, in the order given). */
  notSupported: (f: string, value: unknown, valid: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported', field: f, badValue: value,
    detail: valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '',
  }),
  forbidden: (f: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field: f, badValue: '', detail }),
};

/**
 * `Pod "x" is invalid: <errs>` (422). Models errors.NewInvalid: every error becomes a cause, while the message is
 * errs.ToAggregate(): duplicates dropped, one error inlined, several joined as `[a, b]`.
 */
export function invalid(kind: string, name: string, errs: FieldError[]): ApiError {
  const causes = errs.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
  const parts = [...new Set(errs.map((e) => `${e.field}: ${fieldErrorBody(e)}`))];
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return status('Invalid', 422, `${kind} ${goQuote(name)} is invalid: ${joined}`, { name, kind, causes });
}
