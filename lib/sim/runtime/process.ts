/**
 * A container's main process, as far as the kubelet can observe it: when it exits, with which code, and what it
 * does with TERM. Servers (nginx, httpd, redis, myapp) exit 0 promptly on TERM; a shell or `sleep` as PID 1
 * installs no TERM handler, and the kernel ignores unhandled TERM for PID 1, so it runs until KILL (exit 137).
 * Issue #3 replaces the command reading below with a small POSIX-sh interpreter over a per-container filesystem.
 */
import type { VirtualClock, TimerHandle } from '../clock';
import type { Random } from '../random';
import type { Container } from '../types';
import type { ImageInfo } from './images';

export interface Process {
  signal(sig: 'TERM' | 'KILL'): void;
  /** Cancels the process's timers without reporting an exit (the pod is gone). */
  dispose(): void;
}

export interface ProcessOptions {
  clock: VirtualClock;
  random: Random;
  image: ImageInfo;
  container: Container;
  onExit(exitCode: number, reason?: string): void;
}

/** Parses `sleep N` (also `N`s / `N`m) and returns ms, or undefined. */
function sleepMs(words: string[]): number | undefined {
  if (words[0] !== 'sleep' || words.length !== 2) return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(words[1]);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Number(m[1]) * unit * 1000;
}

/** What a shell-image command does: exits after `ms` with `code`, or runs forever (ms undefined). */
function planShell(argv: string[]): { ms?: number; code: number } {
  const [cmd, ...rest] = argv;
  const base = cmd?.split('/').pop();
  if (base === 'sleep') return { ms: sleepMs(argv.map((a, i) => (i === 0 ? 'sleep' : a))) ?? 0, code: 0 };
  if ((base === 'sh' || base === 'ash' || base === 'bash') && rest[0] === '-c' && rest[1] !== undefined) {
    let total = 0;
    for (const part of rest[1].split(/;|&&/).map((s) => s.trim()).filter(Boolean)) {
      const words = part.split(/\s+/);
      const ms = sleepMs(words);
      if (ms !== undefined) { total += ms; continue; }
      if (words[0] === 'exit') return { ms: total, code: Number(words[1] ?? 0) || 0 };
      if (words[0] === 'false') return { ms: total, code: 1 };
    }
    return { ms: total, code: 0 };
  }
  if (base === 'sh' || base === 'ash' || base === 'bash') return { ms: 0, code: 0 }; // no terminal: reads EOF, exits
  if (base === 'true') return { ms: 0, code: 0 };
  if (base === 'false') return { ms: 0, code: 1 };
  return { ms: undefined, code: 0 };
}

/** Starts the main process of a container. */
export function startProcess(o: ProcessOptions): Process {
  const { clock, random, image, container } = o;
  const argv = [...(container.command ?? image.entrypoint), ...(container.args ?? (container.command ? [] : []))];
  let timer: TimerHandle | undefined;
  let alive = true;
  const exit = (code: number, reason?: string) => {
    if (!alive) return;
    alive = false;
    timer?.cancel();
    o.onExit(code, reason);
  };
  const customCommand = container.command !== undefined || container.args !== undefined;
  const handlesTerm = image.kind === 'server' && !customCommand;
  if (image.kind === 'shell' || customCommand) {
    const plan = planShell(argv);
    if (plan.ms !== undefined) timer = clock.after(plan.ms, () => exit(plan.code));
  }
  return {
    signal(sig) {
      if (!alive) return;
      if (sig === 'KILL') return exit(137, 'Error');
      if (handlesTerm) {
        timer?.cancel();
        timer = clock.after(random.between(50, 250), () => exit(0, 'Completed'));
      }
    },
    dispose() { alive = false; timer?.cancel(); },
  };
}
