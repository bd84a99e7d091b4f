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
  const waitUntil = (done: () => boolean, timeoutMs: number) => cluster.clock.advanceUntil(done, timeoutMs);
  const programs = new Map([createKubectl(cluster), ...createFaultPrograms(cluster)].map((p) => [p.name, p]));
  const shell = createShell({ fs, programs, waitUntil, isTTY: opts.isTTY ?? true });

  const submit = (line: string) => {
    const r = shell.submit(line);
    // Controllers react to what the command wrote at this same instant (the scheduler binds, the kubelet starts).
    cluster.clock.settle();
    return r;
  };
  const advance = (ms: number) => {
    if (ms <= 0) return;
    cluster.clock.advance(ms);
    const last = journal[journal.length - 1];
    if (last && 'advanceMs' in last) last.advanceMs += ms;
    else journal.push({ advanceMs: ms });
  };

  // The lesson's own setup comes first, on a new lab and on a replayed one alike.
  for (const line of opts.lesson?.setup ?? []) submit(line);

  // Replay: what the learner saw before the reload is shown again, the cluster and files come back as they were.
  let replayed = '';
  for (const entry of opts.journal ?? []) {
    if ('line' in entry) {
      const prompt = shell.prompt();
      const r = submit(entry.line);
      replayed += `${prompt}${entry.line}\r\n${r.output.replace(/\r?\n/g, '\r\n')}`;
      journal.push({ line: entry.line });
    } else if ('interrupt' in entry) {
      shell.interrupt();
      replayed += '^C\r\n';
      journal.push({ interrupt: true });
    } else advance(entry.advanceMs);
  }

  const complete = createCompleter({ fs, cluster, commands: () => shell.commands() });
  const session = createTerminalSession({ shell, submit, complete });
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
    grade(exerciseId: string, locale: CheckLocale = 'en'): GradeResult {
      const ex = opts.lesson?.exercises.find((e) => e.id === exerciseId);
      return ex ? gradeExercise(cluster.api, ex, locale) : unknownExercise(exerciseId, locale);
    },
    journal: () => journal.map((e) => ({ ...e })),
    now: () => cluster.clock.now(),
    subscribe(l) { listeners.add(l); return () => listeners.delete(l); },
  };
}
