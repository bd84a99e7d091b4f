/**
 * A small stand-in for the container runtime (lib/sim/runtime/types.ts contract), enough for the notes' examples:
 * `sh -c` scripts of touch/rm/echo/sleep/exit/alloc steps (a shell PID 1 ignores TERM), nginx-like servers that
 * serve files from /usr/share/nginx/html and exit 0 on TERM, `stress --vm-bytes N` that is OOM-killed above its
 * limit, and exec of test/rm/touch/cat/sleep/true/false and `sh -c` scripts.
 */
import type { ContainerRuntime } from '@/lib/sim/kubelet/runtime';
import type { ContainerProcess, ExecResult, StartOptions } from '@/lib/sim/runtime/types';
import type { TimerHandle } from '@/lib/sim/clock';

const Mi = 1024 * 1024;
const size = (s: string) => { const m = /^(\d+)(Mi|Gi)?$/.exec(s); return m ? Number(m[1]) * (m[2] === 'Gi' ? 1024 * Mi : m[2] === 'Mi' ? Mi : 1) : 0; };

export interface FakeContainer {
  opts: StartOptions;
  files: Set<string>;
  proc: ContainerProcess;
  alive(): boolean;
  /** Signals received, with the time they came. */
  signals: Array<{ sig: string; at: number }>;
  startedAt: number;
  exit?: { code: number; reason: string; at: number };
}

export interface FakeRuntimeOptions {
  /** ms after start before a server listens. */
  listenAfterMs?: number;
  /** CPU a running container uses. */
  cpuMilli?: number;
}

/** Runs a `;`/`&&` script's steps against `files`; returns the time it takes, the exit code, and memory allocated. */
function script(text: string, files: Set<string>): Array<{ ms?: number; exit?: number; alloc?: number; run?: () => void }> {
  const steps: Array<{ ms?: number; exit?: number; alloc?: number; run?: () => void }> = [];
  for (const part of text.split(/;|&&/).map((s) => s.trim()).filter(Boolean)) {
    const w = part.split(/\s+/);
    const redirect = /^echo (.*) > (\S+)$/.exec(part);
    if (redirect) steps.push({ run: () => files.add(redirect[2]) });
    else if (w[0] === 'touch') steps.push({ run: () => files.add(w[1]) });
    else if (w[0] === 'rm') steps.push({ run: () => files.delete(w[w.length - 1]) });
    else if (w[0] === 'sleep') steps.push({ ms: Number(w[1]) * 1000 });
    else if (w[0] === 'exit') steps.push({ exit: Number(w[1] ?? 0) });
    else if (w[0] === 'false') steps.push({ exit: 1 });
    else if (w[0] === 'alloc') steps.push({ alloc: size(w[1]) });
  }
  return steps;
}

/** Creates the fake runtime; `started` lists every container it ran, in order. */
export function createFakeRuntime(opts: FakeRuntimeOptions = {}) {
  const started: FakeContainer[] = [];
  const runtime: ContainerRuntime = (o) => {
    const { clock, image, container } = o;
    const files = new Set<string>(image.kind === 'server' ? ['/usr/share/nginx/html/index.html'] : []);
    const custom = container.command !== undefined || container.args !== undefined;
    const argv = container.command ? [...container.command, ...(container.args ?? [])] : image.kind === 'shell' && container.args ? container.args : [...image.entrypoint, ...(container.args ?? [])];
    const server = image.kind === 'server' && !custom;
    const t0 = clock.now();
    let alive = true;
    let memory = server ? 4 * Mi : Mi;
    let timer: TimerHandle | undefined;
    const signals: Array<{ sig: string; at: number }> = [];
    const exit = (code: number, reason: 'Completed' | 'Error' | 'OOMKilled') => {
      if (!alive) return;
      alive = false;
      timer?.cancel();
      fc.exit = { code, reason, at: clock.now() };
      o.onExit(code, reason);
    };
    const allocate = (bytes: number) => {
      memory += bytes;
      if (o.limits.memoryBytes !== undefined && memory > o.limits.memoryBytes) exit(137, 'OOMKilled');
    };
    const runSteps = (steps: ReturnType<typeof script>, i = 0): void => {
      for (; i < steps.length && alive; i++) {
        const s = steps[i];
        s.run?.();
        if (s.alloc) allocate(s.alloc);
        if (s.exit !== undefined) return exit(s.exit, s.exit === 0 ? 'Completed' : 'Error');
        if (s.ms) { const next = i + 1; timer = clock.after(s.ms, () => runSteps(steps, next)); return; }
      }
      if (alive) exit(0, 'Completed');
    };
    if (argv[0] === 'stress') {
      const bytes = size(argv[argv.indexOf('--vm-bytes') + 1] ?? '0');
      timer = clock.after(1000, () => allocate(bytes));
    } else if (!server) {
      const sh = /(^|\/)sh$/.test(argv[0]) && argv[1] === '-c';
      clock.after(0, () => runSteps(script(sh ? argv[2] : argv.join(' '), files)));
    }

    const exec = (cmd: string[]): ExecResult => {
      const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0, durationMs: 0 });
      const code = (exitCode: number, stderr = ''): ExecResult => ({ stdout: '', stderr, exitCode, durationMs: 0 });
      switch (cmd[0]) {
        case 'test': return files.has(cmd[2]) ? ok() : code(1);
        case 'rm': files.delete(cmd[cmd.length - 1]); return ok();
        case 'touch': files.add(cmd[1]); return ok();
        case 'cat': return files.has(cmd[1]) ? ok('Healthy\n') : code(1, `cat: can't open '${cmd[1]}': No such file or directory\n`);
        case 'true': return ok();
        case 'false': return code(1);
        case 'sleep': return { ...ok(), durationMs: Number(cmd[1]) * 1000 };
        case 'sh': case '/bin/sh': {
          let ms = 0;
          for (const s of script(cmd[2] ?? '', files)) {
            s.run?.();
            ms += s.ms ?? 0;
            if (s.exit !== undefined) return { ...code(s.exit), durationMs: ms };
          }
          return { ...ok(), durationMs: ms };
        }
        default: return code(127, `sh: ${cmd[0]}: not found\n`);
      }
    };
    const listening = (port: number) => server && alive && port === image.port && clock.now() - t0 >= (opts.listenAfterMs ?? 0);
    const proc: ContainerProcess = {
      signal(sig) {
        if (!alive) return;
        signals.push({ sig, at: clock.now() });
        if (sig === 'KILL') return exit(137, 'Error');
        if (server) { timer?.cancel(); timer = clock.after(100, () => exit(0, 'Completed')); }
      },
      dispose() { alive = false; timer?.cancel(); },
      exec,
      httpGet(port, path) {
        if (!listening(port)) return { error: 'connection refused', durationMs: 0 };
        return files.has(`/usr/share/nginx/html${path}`) || path === '/' ? { status: 200, body: 'ok', durationMs: 1 } : { status: 404, body: 'Not Found', durationMs: 1 };
      },
      listening,
      usage: () => ({ cpuMilli: alive ? (opts.cpuMilli ?? 1) : 0, memoryBytes: alive ? memory : 0, throttledMs: 0 }),
      logs: () => `started ${container.name}\n`,
    };
    const fc: FakeContainer = { opts: o, files, proc, alive: () => alive, signals, startedAt: t0 };
    started.push(fc);
    return proc;
  };
  return {
    runtime,
    started,
    /** The newest container started for `container`. */
    last: (container: string) => [...started].reverse().find((c) => c.opts.container.name === container),
  };
}
