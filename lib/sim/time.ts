/** Timestamp helpers. Models metav1.Time's RFC 3339 encoding (whole seconds, UTC, `Z`). */

/** RFC 3339 with whole seconds, as metav1.Time marshals: `2025-09-01T09:00:00Z`. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Milliseconds since the epoch for an RFC 3339 timestamp; NaN when absent or malformed. */
export function parseTime(ts: string | null | undefined): number {
  return ts ? Date.parse(ts) : NaN;
}

/**
 * Go's time.Duration.String for a duration in ms (`1.5s`, `850ms`, `2m3.5s`, `0s`).
 * Models golang/go src/time/time.go Duration.String (restricted to ms precision, which is all the simulator has).
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${neg ? '-' : ''}${rest}ms`;
  const h = Math.floor(rest / 3_600_000); rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000); rest -= m * 60_000;
  const s = rest / 1000;
  const secs = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  return `${neg ? '-' : ''}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${secs}`;
}
