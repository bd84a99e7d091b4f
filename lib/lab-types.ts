/**
 * The contract between the simulation library and its front ends (the lesson page, the headless runner, tests).
 * A Lab is one lesson's world: a simulated cluster, a shell with its files and history, and the journal that
 * replays it exactly (seed + typed lines + elapsed time).
 */

/** One step of a lab's history. Replaying the same entries on the same seed rebuilds the same lab, byte for byte. */
export type JournalEntry =
  | { line: string }       // a complete line the learner submitted (a here-document's lines are separate entries)
  | { advanceMs: number }   // simulated time that passed in the page (the real-time ticker)
  | { interrupt: true };    // Ctrl-C: stops the running command, or abandons a pending here-document or open quote

export interface CheckResult {
  /** What was checked, in words: `Pod "pod-example" has annotation created-by`. */
  description: string;
  expected: string;
  found: string;
  passed: boolean;
}

export interface GradeResult {
  exerciseId: string;
  passed: boolean;
  checks: CheckResult[];
}

export interface TerminalIO {
  /** Keystrokes / pasted text from the terminal widget (xterm `onData`). */
  feed(data: string): void;
  /** Output to write to the terminal widget (ANSI). Returns an unsubscribe function. */
  onOutput(listener: (data: string) => void): () => void;
  /** Writes the banner and first prompt (call once after the widget is attached). */
  start(): void;
  /** Terminal width in columns (from the fit addon); used for line editing. */
  resize(cols: number): void;
}

export interface Lab {
  readonly terminal: TerminalIO;
  /** Let `ms` of simulated time pass. Journaled. */
  advance(ms: number): void;
  /**
   * Real time passed on the page (the ticker): simulated time follows at the same pace, or faster while `sleep`
   * fast-forwards. Journaled as the simulated time it became.
   */
  elapse(realMs: number): void;
  /** A command is running in the terminal (it ends by itself or with Ctrl-C). */
  busy(): boolean;
  /** Grades an exercise of this lab's lesson against the current cluster state, worded in `locale`. Pure. */
  grade(exerciseId: string, locale?: 'en' | 'zh'): GradeResult;
  /** Everything needed to rebuild this lab (persist it; pass it back as `journal` to createLab). */
  journal(): JournalEntry[];
  /** Simulated now, ms since the epoch. */
  now(): number;
  /** Called after anything observable changed (a command ran, time passed). */
  subscribe(listener: () => void): () => void;
}
