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

export function badRequest(message: string): ApiError {
  return status('BadRequest', 400, message);
}

/** One field error, as k8s.io/apimachinery/pkg/util/validation/field.Error renders it (`path: Type: detail`). */
export interface FieldError { type: FieldErrorType; field: string; badValue?: unknown; detail?: string }
export type FieldErrorType = 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueTooLong';

const typeText: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
};

/** Go's %#v-ish rendering of a bad value as field.Error.ErrorBody does: strings quoted, numbers bare. */
function renderBadValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  return JSON.stringify(v);
}

/** Models field.Error.ErrorBody (apimachinery/pkg/util/validation/field/errors.go). */
export function fieldErrorBody(e: FieldError): string {
  let s = typeText[e.type];
  if (e.type !== 'FieldValueRequired' && e.type !== 'FieldValueForbidden' && e.type !== 'FieldValueTooLong' && e.badValue !== undefined) {
    s += `: ${renderBadValue(e.badValue)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/**
 * `The Pod "x" is invalid: <errs>` (422). Models errors.NewInvalid: one error is inlined,
 * several are joined as `[a, b]` (utilerrors.NewAggregate).
 */
export function invalid(kind: string, name: string, errs: FieldError[]): ApiError {
  const causes = errs.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
  const parts = errs.map((e) => `${e.field}: ${fieldErrorBody(e)}`);
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return status('Invalid', 422, `${kind} "${name}" is invalid: ${joined}`, { name, kind, causes });
}
