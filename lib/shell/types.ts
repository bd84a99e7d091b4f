/**
 * The seam between the shell and the programs it runs (kubectl, cat, grep, ...).
 * A program parses its argv, does its work through the APIs it is handed, and returns what it printed.
 * It never writes to a terminal (STYLE.md §5).
 */
import type { VirtualFs } from './vfs';

export interface ProgramResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ProgramContext {
  /** Arguments after the program name, already unquoted by the shell. */
  argv: string[];
  /** Standard input (a pipe, a here-document, a `<` redirect); '' when none. */
  stdin: string;
  /** The lesson's virtual filesystem (home directory `/home/learner`, the working directory). */
  fs: VirtualFs;
  /** Whether stdout is a terminal (colour, widths); false inside pipes and in the headless runner. */
  isTTY: boolean;
  /**
   * Let simulated time pass until `done()` holds or `timeoutMs` have passed; returns whether `done()` held.
   * This is how `kubectl delete` waits for the pod to go and how `sleep` works.
   */
  waitUntil(done: () => boolean, timeoutMs: number): boolean;
}

export interface Program {
  name: string;
  /** One line for `help`. */
  summary: string;
  run(ctx: ProgramContext): ProgramResult;
}

export const ok = (stdout = ''): ProgramResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ProgramResult => ({ stdout, stderr, exitCode });
