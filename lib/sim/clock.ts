/**
 * The one virtual clock of a cluster (STYLE.md §2). Nothing in lib/ reads the wall clock: time moves only when
 * someone calls `advance` (the page's ticker, `sleep`, a command that waits).
 *
 * Timers are either finite (a container exits in 5s, an image finishes pulling) or background (a probe every 10s,
 * a heartbeat). `runUntilQuiet` runs until no finite timer is left, which is how a grader or a waiting command asks
 * "let everything that is going to happen, happen".
 */

export interface TimerHandle { cancel(): void; readonly at: number }

interface Timer { at: number; seq: number; fn: () => void; background: boolean; cancelled: boolean; period?: number }

export interface VirtualClock {
  /** Simulated now, ms since the Unix epoch. */
  now(): number;
  /** Runs `fn` after `delayMs` (0 = at this instant, after work already queued for it). */
  after(delayMs: number, fn: () => void, opts?: { background?: boolean }): TimerHandle;
  /** Runs `fn` every `periodMs`, first after `firstDelayMs` (default one period). Always background. */
  every(periodMs: number, fn: () => void, firstDelayMs?: number): TimerHandle;
  /** Moves time forward by `ms`, running every timer due on the way, in time order (ties: first scheduled first). */
  advance(ms: number): void;
  /** Runs what is due at this very instant (zero-delay reactions). */
  settle(): void;
  /**
   * Advances until `done()` holds (checked after every timer) or `maxMs` pass. Returns whether `done()` held.
   * Time stops at the instant `done()` became true.
   */
  advanceUntil(done: () => boolean, maxMs: number): boolean;
  /** Advances until no finite timer is pending, at most `maxMs`. Returns the ms that passed. */
  runUntilQuiet(maxMs: number): number;
  /** Number of pending finite (non-background) timers. */
  pendingFinite(): number;
  /**
   * Jumps `ms` forward without running anything: every pending timer moves by the same amount, so a quiet cluster
   * looks as if that time had passed uneventfully. For the cluster's boot only. Calls the `onSkip` listeners.
   */
  skip(ms: number): void;
  /** Registers a listener for `skip` (components that remember absolute times of periodic activity rebase them). */
  onSkip(fn: (ms: number) => void): void;
}

/** Creates a clock starting at `startMs`. Pure: no wall clock, no host timers. */
export function createVirtualClock(startMs: number): VirtualClock {
  let now = startMs;
  let seq = 0;
  let finite = 0;
  const heap: Timer[] = [];
  const skipListeners: Array<(ms: number) => void> = [];

  const less = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  function push(t: Timer) {
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  }
  function pop(): Timer | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
  function schedule(at: number, fn: () => void, background: boolean, period?: number): TimerHandle {
    const t: Timer = { at, seq: seq++, fn, background, cancelled: false, period };
    if (!background) finite++;
    push(t);
    return {
      get at() { return t.at; },
      cancel() {
        if (t.cancelled) return;
        t.cancelled = true;
        if (!t.background) finite--;
      },
    };
  }
  /** Runs the earliest timer if it is due by `limit`; returns false when none is. */
  function step(limit: number): boolean {
    while (heap.length > 0 && heap[0].cancelled) pop();
    if (heap.length === 0 || heap[0].at > limit) return false;
    const t = pop()!;
    now = Math.max(now, t.at);
    if (t.period !== undefined) {
      t.at = now + t.period;
      t.seq = seq++;
      push(t);
    } else {
      t.cancelled = true;
      if (!t.background) finite--;
    }
    t.fn();
    return true;
  }

  const clock: VirtualClock = {
    now: () => now,
    after: (delayMs, fn, opts) => schedule(now + Math.max(0, delayMs), fn, opts?.background ?? false),
    every: (periodMs, fn, firstDelayMs) => schedule(now + (firstDelayMs ?? periodMs), fn, true, Math.max(1, periodMs)),
    advance(ms) {
      const target = now + Math.max(0, ms);
      while (step(target));
      now = target;
    },
    settle() { while (step(now)); },
    advanceUntil(done, maxMs) {
      const target = now + Math.max(0, maxMs);
      clock.settle();
      if (done()) return true;
      while (step(target)) {
        if (done()) {
          clock.settle();
          return true;
        }
      }
      now = target;
      return done();
    },
    runUntilQuiet(maxMs) {
      const start = now;
      clock.advanceUntil(() => finite === 0, maxMs);
      return now - start;
    },
    pendingFinite: () => finite,
    skip(ms) {
      if (ms <= 0) return;
      now += ms;
      for (const t of heap) t.at += ms; // a uniform shift keeps the heap ordered
      for (const fn of skipListeners) fn(ms);
    },
    onSkip(fn) { skipListeners.push(fn); },
  };
  return clock;
}
