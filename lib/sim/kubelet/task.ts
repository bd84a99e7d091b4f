/**
 * Blocking kubelet code on a virtual clock. The kubelet's pod workers are goroutines that block on the runtime
 * (pull an image, wait out a grace period, run a hook); written as generators, the ports keep upstream's
 * straight-line shape: a task yields what it waits for and the runner resumes it on the clock.
 */
import type { TimerHandle, VirtualClock } from '../clock';

/** What a task waits for: time (0 = let this instant's queued work run), a condition (re-checked on `poke`, with an optional timeout), or sub-tasks. */
export type Wait =
  | { sleep: number }
  | { until: () => boolean; timeoutMs?: number }
  | { all: Array<Task<unknown>> };

/** A blocking procedure; `yield*` composes them and passes results back. */
export type Task<R = void> = Generator<Wait, R, void>;

export interface TaskRunner {
  /** Runs `task` to its end, then calls `done`. */
  run(task: Task<unknown>, done?: () => void): void;
  /** Re-checks every `until` wait (call when something they wait on changed). */
  poke(): void;
  /** Cancels every timer and wait; tasks never resume. */
  stop(): void;
}

/** Creates a runner whose timers are finite (work in progress, which `runUntilQuiet` waits for). */
export function createTaskRunner(clock: VirtualClock): TaskRunner {
  const timers = new Set<TimerHandle>();
  const waiters = new Set<() => void>();
  let stopped = false;
  const after = (ms: number, fn: () => void) => {
    const t = clock.after(ms, () => { timers.delete(t); if (!stopped) fn(); });
    timers.add(t);
    return t;
  };

  function drive(task: Task<unknown>, done: () => void) {
    const step = (): void => {
      for (;;) {
        if (stopped) return;
        const r = task.next();
        if (r.done) return done();
        const w = r.value;
        if ('sleep' in w) {
          // `sleep: 0` yields: work already queued for this instant (a runtime's own callbacks) runs first.
          after(Math.max(0, w.sleep), step);
          return;
        }
        if ('all' in w) {
          let left = w.all.length;
          if (left === 0) continue;
          for (const sub of w.all) drive(sub, () => { if (--left === 0) step(); });
          return;
        }
        if (w.until()) continue;
        let timer: TimerHandle | undefined;
        const check = () => {
          if (!w.until()) return;
          waiters.delete(check);
          if (timer) { timer.cancel(); timers.delete(timer); }
          step();
        };
        waiters.add(check);
        if (w.timeoutMs !== undefined) timer = after(w.timeoutMs, () => { waiters.delete(check); step(); });
        return;
      }
    };
    step();
  }

  return {
    run: (task, done) => drive(task, done ?? (() => {})),
    poke() { for (const w of [...waiters]) w(); },
    stop() {
      stopped = true;
      for (const t of timers) t.cancel();
      timers.clear();
      waiters.clear();
    },
  };
}
