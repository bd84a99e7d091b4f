/**
 * The seam between the shell and the programs it runs (kubectl, cat, grep, ...).
 * A program parses its argv, does its work through the APIs it is handed, and returns what it printed — or, when it
 * goes on while simulated time passes (`sleep`, `kubectl get -w`, `kubectl logs -f`, a `kubectl delete` that waits),
 * a stream the shell reads as time moves. It never writes to a terminal (STYLE.md §5).
 */
import type { VirtualFs } from './vfs';

export interface Output {
  stdout: string;
  stderr: string;
  /** The program wrote its stdout before its stderr (by default the shell shows stderr first). */
  stderrLast?: boolean;
}

export interface ProgramResult extends Output {
  exitCode: number;
  /**
   * The program stopped reading its input before the end (`head -n 3` once it has three lines): a program still
   * writing into the pipe would get SIGPIPE.
   */
  closedInput?: boolean;
}

/**
 * A program still running. The shell reads it after every step of simulated time; it ends by itself (`exitCode()`
 * turns defined) or is stopped (Ctrl-C, or the reader of its pipe went away). Everything it does is a function of
 * the simulated cluster, so a replay that moves time the same way reads the same output.
 */
export interface ProgramStream {
  /** What it wrote since the last read. */
  read(): Output;
  /** Undefined while it runs; its exit status once it has ended by itself. Reading it changes nothing. */
  exitCode(): number | undefined;
  /** SIGINT or SIGPIPE: it ends now. Returns what it writes on the way out (usually nothing). */
  stop(): Output;
  /** The simulated time by which it will have ended (`sleep`): a driver moves time to there, not past it. */
  readonly until?: number;
  /** How many times faster than real time a front end may run the clock while it runs (sleep's fast-forward). */
  readonly pace?: number;
  /** A transient line a terminal may show while it runs (sleep's countdown); never part of its output. */
  status?(): string;
}

export type ProgramOutcome = ProgramResult | ProgramStream;

export const isStream = (r: ProgramOutcome): r is ProgramStream => 'read' in r;

export interface ProgramContext {
  /** Arguments after the program name, already unquoted by the shell. */
  argv: string[];
  /** Standard input (a pipe, a here-document, a `<` redirect); '' when none. */
  stdin: string;
  /** The lesson's virtual filesystem (home directory `/home/learner`, the working directory). */
  fs: VirtualFs;
  /** Whether stdout is a terminal (colour, widths); false inside pipes and in the headless runner. */
  isTTY: boolean;
  /** Simulated now, ms since the epoch. */
  now(): number;
  /**
   * Let simulated time pass until `done()` holds or `timeoutMs` have passed; returns whether `done()` held.
   * For work that takes time inside one command (a command run by `kubectl exec`); a program the learner may
   * want to interrupt returns a ProgramStream instead.
   */
  waitUntil(done: () => boolean, timeoutMs: number): boolean;
}

export interface Program {
  name: string;
  /** One line for `help`. */
  summary: string;
  run(ctx: ProgramContext): ProgramOutcome;
  /**
   * Whether, with these arguments, its output for the first part of an input is the first part of its output for
   * the whole (grep, head, cat): then the shell runs it on a live pipe (`kubectl get -w | grep web`) as lines arrive.
   */
  incremental?(argv: string[]): boolean;
}

export const ok = (stdout = ''): ProgramResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ProgramResult => ({ stdout, stderr, exitCode });
const none: Output = { stdout: '', stderr: '' };

export interface StreamSpec {
  /** Written at once, before time moves (kubectl delete's `pod "x" deleted`). */
  first?: Output;
  /** Called on every read: what was written since the last one. */
  more?: () => Output;
  /** The exit status once done, undefined while running. */
  done: () => number | undefined;
  /** What stopping writes, and cleanup (unsubscribing a watch). */
  onStop?: () => Output;
  until?: number;
  pace?: number;
  status?: () => string;
}

/** A stream from plain functions: output queued first, then `more()` on each read, until `done()` or a stop. */
export function createStream(spec: StreamSpec): ProgramStream {
  let pending: Output = spec.first ?? none;
  let stopped = false;
  return {
    read() {
      const extra = stopped ? none : (spec.more?.() ?? none);
      const out = { stdout: pending.stdout + extra.stdout, stderr: pending.stderr + extra.stderr };
      pending = none;
      return out;
    },
    exitCode: () => (stopped ? undefined : spec.done()),
    stop() {
      if (stopped) return none;
      const tail = this.read();
      stopped = true;
      const last = spec.onStop?.() ?? none;
      return { stdout: tail.stdout + last.stdout, stderr: tail.stderr + last.stderr };
    },
    until: spec.until,
    pace: spec.pace,
    status: spec.status,
  };
}
