/**
 * createLab: one lesson's world — a cluster, a filesystem, a shell with kubectl, and the journal that rebuilds it.
 * The same function backs the lesson page, the headless runner (`npm run sim`) and the tests, so everything a
 * learner can do can be replayed and checked. Time moves only through `advance` (the page's ticker) and through
 * commands that wait (`sleep`, `kubectl delete`); both go through the one virtual clock.
 */
import { createCluster, type Cluster } from './sim/cluster';
import { createVirtualFs, type VirtualFs } from './shell/vfs';
import { createShell, type Shell } from './shell/shell';
import { createTerminalSession } from './shell/terminal';
import { createKubectl } from './kubectl/kubectl';
import { createCompleter } from './kubectl/complete';
import { createFaultPrograms } from './faults';
import { gradeExercise, unknownExercise, type CheckLocale } from './lessons/checks';
import type { LessonMeta } from './lessons/schema';
import type { GradeResult, JournalEntry, Lab, TerminalIO } from './lab-types';

export interface LabOptions {
  lesson?: LessonMeta;
  journal?: JournalEntry[];
  seed?: number;
  /** false for the headless runner: no colours, no cursor movement. */
  isTTY?: boolean;
  /**
   * A lab behind a terminal (the lesson page): commands that keep running (`sleep`, `get -w`, `logs -f`) run while
   * the page moves time, until they end or Ctrl-C. Otherwise each line runs to its end at once (see ShellOptions).
   * A journal must be replayed in the mode it was recorded in.
   */
  interactive?: boolean;
}

export interface FullLab extends Lab {
  readonly cluster: Cluster;
  readonly fs: VirtualFs;
  readonly shell: Shell;
}

/** Creates a lab, replaying `journal` if given. */
export function createLab(opts: LabOptions = {}): FullLab {
  const cluster = createCluster({ seed: opts.seed ?? 1 });
  const fs = createVirtualFs();
  const listeners = new Set<() => void>();
  const notify = () => { for (const l of listeners) l(); };
  const journal: JournalEntry[] = [];
  const { clock } = cluster;
  const waitUntil = (done: () => boolean, timeoutMs: number) => clock.advanceUntil(done, timeoutMs);
  const programs = new Map([createKubectl(cluster), ...createFaultPrograms(cluster)].map((p) => [p.name, p]));
  const shell = createShell({
    fs, programs, waitUntil, now: () => clock.now(), idle: () => clock.pendingFinite() === 0,
    isTTY: opts.isTTY ?? true, interactive: opts.interactive ?? false,
  });
  /** Where a running command's output goes: the replay transcript while replaying, then the terminal. */
  let showJobOutput: (text: string, running: boolean) => void = () => {};

  const submit = (line: string) => {
    const r = shell.submit(line);
    // Controllers react to what the command wrote at this same instant (the scheduler binds, the kubelet starts).
    cluster.clock.settle();
    return r;
  };
  /** Journals `ms` of time that passed (merged into a preceding time entry). */
  const record = (ms: number) => {
    if (ms <= 0) return;
    const last = journal[journal.length - 1];
    if (last && 'advanceMs' in last) last.advanceMs += ms;
    else journal.push({ advanceMs: ms });
  };
  /**
   * Moves simulated time and journals it. With a command running, time stops where it ends (a sleep's deadline, the
   * instant its pod is gone) so that the rest of its command list runs at that very instant, exactly as it will on a
   * replay; the time up to there is journaled before the terminal reads what was typed ahead, so the journal keeps
   * the order in which things happened.
   */
  const advance = (ms: number) => {
    let left = Math.max(0, ms);
    let stuck = 0;
    while (left > 0) {
      const job = shell.job();
      if (!job) {
        clock.advance(left);
        record(left);
        break;
      }
      const start = clock.now();
      clock.advanceUntil(job.ended, job.until === undefined ? left : Math.min(left, Math.max(0, job.until - start)));
      const moved = clock.now() - start;
      left -= moved;
      record(moved);
      const r = shell.poll();
      clock.settle();
      showJobOutput(r.output, r.running);
      // Never spin: a command that neither ends nor lets time pass is left to the next call.
      stuck = moved === 0 && r.running ? stuck + 1 : 0;
      if (stuck > 2) {
        clock.advance(left);
        record(left);
        break;
      }
    }
  };

  // The lesson's own setup comes first, on a new lab and on a replayed one alike.
  for (const line of opts.lesson?.setup ?? []) submit(line);

  // Replay: what the learner saw before the reload is shown again, the cluster and files come back as they were.
  let replayed = '';
  const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
  showJobOutput = (text) => void (replayed += crlf(text));
  const interrupt = () => {
    replayed += '^C\r\n' + crlf(shell.interrupt());
    journal.push({ interrupt: true });
  };
  for (const entry of opts.journal ?? []) {
    if ('line' in entry) {
      const prompt = shell.prompt();
      const r = submit(entry.line);
      replayed += `${prompt}${entry.line}\r\n${crlf(r.output)}`;
      journal.push({ line: entry.line });
    } else if ('interrupt' in entry) interrupt();
    else advance(entry.advanceMs);
  }
  // Leaving the page closed the terminal: a command still running then is stopped as Ctrl-C stops it.
  if (shell.job()) interrupt();

  const complete = createCompleter({ fs, cluster, commands: () => shell.commands() });
  const session = createTerminalSession({ shell, submit, complete });
  showJobOutput = (text, running) => session.showJobOutput(text, running);
  session.onLine((line: string) => { journal.push({ line }); notify(); });
  session.onInterrupt(() => { journal.push({ interrupt: true }); notify(); });
  const terminal: TerminalIO = {
    feed: (data) => session.feed(data),
    onOutput: (l) => session.onOutput(l),
    resize: (cols) => session.resize(cols),
    start: () => session.start(replayed),
  };

  return {
    cluster, fs, shell, terminal,
    advance(ms) { advance(ms); notify(); },
    elapse(realMs) {
      // Real time on the page: simulated time follows it, faster while a `sleep` fast-forwards. The fast part
      // stops where the sleep ends; the rest of the real time then counts at its own pace.
      let left = realMs;
      for (let guard = 0; left > 0 && guard < 100; guard++) {
        const job = shell.job();
        const fast = job && job.pace > 1 && job.until !== undefined ? Math.min(left * job.pace, job.until - clock.now()) : 0;
        if (fast <= 0) break;
        advance(Math.round(fast));
        left -= fast / job!.pace;
      }
      if (left >= 1) advance(Math.floor(left));
      notify();
    },
    busy: () => shell.job() !== undefined,
    grade(exerciseId: string, locale: CheckLocale = 'en'): GradeResult {
      const ex = opts.lesson?.exercises.find((e) => e.id === exerciseId);
      return ex ? gradeExercise(cluster.api, ex, locale) : unknownExercise(exerciseId, locale);
    },
    journal: () => journal.map((e) => ({ ...e })),
    now: () => clock.now(),
    subscribe(l) { listeners.add(l); return () => listeners.delete(l); },
  };
}
