'use client';
/**
 * One Lab per lesson page, shared by the terminal, the exercises and the "Run" buttons.
 * The provider creates the lab (lazily: the simulator is its own chunk), replays the saved journal, runs the
 * real-time ticker, saves the journal and the progress. It decides nothing about Kubernetes (STYLE.md §8).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { GradeResult, Lab, JournalEntry } from '@/lib/lab-types';
import type { LessonMeta } from '@/lib/lessons/schema';
import { messages, type Locale, type Messages } from '@/lib/content/i18n';
import {
  addProgress, clearJournal, parseProgress, readJournal, readProgressRaw, subscribeStorage, writeJournal,
} from './storage';

type CreateLab = (options: { lesson: LessonMeta; journal?: JournalEntry[]; interactive: true }) => Lab;

export type LabStatus = 'loading' | 'ready' | 'error';

/** How the terminal widget lets the provider type into it and bring it to the learner's attention. */
export interface TerminalHandle {
  focus(): void;
}

interface LabContextValue {
  lesson: LessonMeta;
  locale: Locale;
  t: Messages;
  status: LabStatus;
  lab: Lab | null;
  /** Bumped when the lab is replaced (reset); exercises forget their last results. */
  generation: number;
  restoreFailed: boolean;
  passed: ReadonlySet<string>;
  /** Grades an exercise and records it as passed when it passes. */
  grade(exerciseId: string): GradeResult | null;
  reset(): void;
  /** Types lines into the terminal as if the learner had, each followed by Enter. */
  run(lines: readonly string[]): void;
  /** The terminal widget registers itself once it is wired to the lab (null when it goes away). */
  attachTerminal(handle: TerminalHandle | null): void;
}

const LabContext = createContext<LabContextValue | null>(null);

/** The lab context of the current lesson page. Throws outside a LabProvider. */
export function useLab(): LabContextValue {
  const value = useContext(LabContext);
  if (!value) throw new Error('useLab must be used inside <LabProvider>');
  return value;
}

/** Like useLab, but null outside a lesson page (code blocks can appear elsewhere). */
export function useOptionalLab(): LabContextValue | null {
  return useContext(LabContext);
}

const noopSubscribe = () => () => {};

/** Labs thrown away by a reset: their pending journal must not be saved over the fresh lab's. */
const discardedLabs = new WeakSet<Lab>();

/** The simulated clock of a lab, re-rendering when the lab changes. */
export function useLabNow(lab: Lab | null): number | null {
  return useSyncExternalStore(
    lab ? lab.subscribe : noopSubscribe,
    () => (lab ? lab.now() : null),
    () => null,
  );
}

/** Exercise ids passed in a lesson, from localStorage; null while rendering on the server. */
export function useProgress(slug: string): string[] | null {
  const raw = useSyncExternalStore(subscribeStorage, () => readProgressRaw(slug), () => null);
  return useMemo(() => (raw === null ? null : parseProgress(raw)), [raw]);
}

/** Ticker period: often enough that a Pod visibly progresses, rare enough to cost nothing. */
const tickMs = 250;
/** A longer gap (a blocked main thread, a suspended laptop) is not replayed as simulated time. */
const maxStepMs = 1000;
/** Journal writes are coalesced to at most one per this interval. */
const saveEveryMs = 1000;

export function LabProvider({ lesson, locale, children }: { lesson: LessonMeta; locale: Locale; children: React.ReactNode }) {
  const t = messages[locale];
  const [state, setState] = useState<{ status: LabStatus; lab: Lab | null; generation: number; restoreFailed: boolean }>(
    { status: 'loading', lab: null, generation: 0, restoreFailed: false },
  );
  const createLabRef = useRef<CreateLab | null>(null);
  const terminalRef = useRef<TerminalHandle | null>(null);
  const pendingRef = useRef<string[]>([]);
  const { lab } = state;
  const slug = lesson.slug;

  // Create the lab, replaying what this browser saved for the lesson.
  useEffect(() => {
    let cancelled = false;
    import('@/lib/lab')
      .then(({ createLab }) => {
        if (cancelled) return;
        createLabRef.current = createLab;
        const journal = readJournal(slug);
        let created: Lab;
        let restoreFailed = false;
        try {
          created = createLab({ lesson, journal, interactive: true });
        } catch (error) {
          if (!journal) throw error;
          console.warn('PodLab: the saved lab could not be replayed; starting a fresh one.', error);
          clearJournal(slug);
          created = createLab({ lesson, interactive: true });
          restoreFailed = true;
        }
        setState((s) => ({ status: 'ready', lab: created, generation: s.generation + 1, restoreFailed }));
      })
      .catch((error: unknown) => {
        console.error('PodLab: the lab could not start.', error);
        if (!cancelled) setState((s) => ({ ...s, status: 'error' }));
      });
    return () => {
      cancelled = true;
    };
  }, [lesson, slug]);

  // Real time → simulated time, paused while the tab is hidden.
  useEffect(() => {
    if (!lab) return;
    let last = performance.now();
    let carry = 0;
    let timer: number | undefined;
    const tick = () => {
      const now = performance.now();
      const elapsed = Math.min(now - last, maxStepMs) + carry;
      last = now;
      const ms = Math.floor(elapsed);
      carry = elapsed - ms;
      if (ms > 0) lab.elapse(ms);
    };
    const start = () => {
      if (timer !== undefined) return;
      last = performance.now();
      carry = 0;
      timer = window.setInterval(tick, tickMs);
    };
    const stop = () => {
      if (timer === undefined) return;
      tick();
      window.clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? stop() : start());
    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [lab]);

  // Save the journal after changes (throttled), and when the page is hidden or left.
  useEffect(() => {
    if (!lab) return;
    let timer: number | undefined;
    const save = () => {
      if (timer !== undefined) window.clearTimeout(timer);
      timer = undefined;
      if (!discardedLabs.has(lab)) writeJournal(slug, lab.journal());
    };
    const unsubscribe = lab.subscribe(() => {
      if (timer === undefined) timer = window.setTimeout(save, saveEveryMs);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
      if (timer !== undefined) save();
    };
  }, [lab, slug]);

  const progress = useProgress(slug);
  const passed = useMemo(() => new Set(progress ?? []), [progress]);

  const grade = useCallback((exerciseId: string) => {
    if (!lab) return null;
    const result = lab.grade(exerciseId, locale);
    if (result.passed) addProgress(slug, exerciseId);
    return result;
  }, [lab, slug, locale]);

  const reset = useCallback(() => {
    const createLab = createLabRef.current;
    if (!createLab) return;
    if (lab) discardedLabs.add(lab);
    clearJournal(slug);
    const fresh = createLab({ lesson, interactive: true });
    setState((s) => ({ status: 'ready', lab: fresh, generation: s.generation + 1, restoreFailed: false }));
  }, [lab, lesson, slug]);

  const flush = useCallback(() => {
    const terminal = terminalRef.current;
    if (!lab || !terminal || pendingRef.current.length === 0) return;
    const lines = pendingRef.current;
    pendingRef.current = [];
    // A command still running (a `sleep`, a `get -w`) is stopped first, as the learner would with Ctrl-C; then
    // Ctrl-E Ctrl-U: whatever the learner had half typed on the current line is cleared, not prepended.
    if (lab.busy()) lab.terminal.feed('\x03');
    lab.terminal.feed('\x05\x15');
    for (const line of lines) lab.terminal.feed(`${line}\r`);
    terminal.focus();
  }, [lab]);

  const run = useCallback((lines: readonly string[]) => {
    pendingRef.current.push(...lines);
    flush();
  }, [flush]);

  const attachTerminal = useCallback((handle: TerminalHandle | null) => {
    terminalRef.current = handle;
    flush();
  }, [flush]);

  const value = useMemo<LabContextValue>(() => ({
    lesson, locale, t, status: state.status, lab, generation: state.generation, restoreFailed: state.restoreFailed,
    passed, grade, reset, run, attachTerminal,
  }), [lesson, locale, t, state.status, lab, state.generation, state.restoreFailed, passed, grade, reset, run, attachTerminal]);

  return <LabContext.Provider value={value}>{children}</LabContext.Provider>;
}
