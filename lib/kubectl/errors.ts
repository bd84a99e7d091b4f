/**
 * How kubectl prints an error. Models kubectl pkg/cmd/util/helpers.go checkErr / StandardErrorMessage (v1.34):
 * Invalid status errors list their causes (`The Pod "x" is invalid: ...`, several as `* field: message` lines),
 * other API errors read `Error from server (Reason): message`, anything else `error: message`.
 */
import { ApiError } from '../sim/errors';

/** kubectl's wrapping of an API error with the file it came from (cmdutil.AddSourceToErr). */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof ApiError) {
    return new ApiError({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` });
  }
  return new Error(`error when ${verb} "${source}": ${(err as Error).message}`);
}

/** The text kubectl writes to stderr for `err`, with a trailing newline. */
export function formatError(err: unknown): string {
  if (err instanceof ApiError) {
    const s = err.status;
    if (s.reason === 'Invalid' && s.details) {
      const head = s.details.kind || s.details.name ? `The ${s.details.kind} "${s.details.name}" is invalid` : 'The request is invalid';
      const causes = (s.details.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
      if (causes.length === 0) return `${head}\n`;
      if (causes.length === 1) return `${head}: ${causes[0]}\n`;
      return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}\n`;
    }
    return `Error from server (${s.reason}): ${s.message}\n`;
  }
  const msg = err instanceof Error ? err.message : String(err);
  return `${msg.startsWith('error: ') ? msg : `error: ${msg}`}\n`;
}
