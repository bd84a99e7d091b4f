/**
 * A running container: its filesystem (a fresh copy of the image), its processes and their threads of execution on
 * the virtual clock, its servers, its output and its resource use. This is what containerd + runc + the cgroup
 * give a real kubelet; the kubelet talks to it through `ContainerProcess` (types.ts).
 *
 * Execution model: every process is a generator (sh/interp.ts). A thread drives one process tree: it runs the
 * generator until it yields a wait — `sleep` becomes a clock timer, `block` waits for a signal or a server's exit.
 * `exec` drives its thread synchronously, adding slept time to `durationMs` instead of advancing the clock.
 */
import type { TimerHandle } from '../clock';
import { createRandom } from '../random';
import type { Container } from '../types';
import { createFileSystem, resolvePath } from './fs';
import { PROGRAMS, isLocalHost, type ContainerHost, type HttpOutcome, type ProcInfo, type Server } from './programs';
import { DEFAULT_PATH, imageFiles, imageProfile } from './rootfs';
import { SIGNALS, which, type Run, type SignalName, type Sink, type Wait } from './sh/interp';
import type { ContainerProcess, ExecResult, Fault, HttpResult, LogLine, ResourceUsage, StartOptions } from './types';

/** A thread runs this many commands without waiting before it counts as a busy loop (it then spins on a CPU). */
const BUSY_LOOP_COMMANDS = 10_000;
/** Default `exec` time limit, simulated ms. */
const EXEC_TIMEOUT_MS = 600_000;
/** Output kept per container, lines (the kubelet rotates container logs; this bounds memory). */
const MAX_LOG_LINES = 20_000;
/** Finite timers further away than this are background work (an OOM kill hours ahead must not hold up runUntilQuiet). */
const FINITE_HORIZON_MS = 3_600_000;

interface Thread {
  gen: Run;
  /** PIDs from the thread's own process down to the one now running. */
  stack: number[];
  timer?: TimerHandle;
  waiting: boolean;
  done: boolean;
  running: boolean;
  ops: number;
  /** exec threads: simulated time spent so far, and the limit. */
  exec?: { elapsed: number; timeoutMs: number; timedOut: boolean };
  onEnd(status: number): void;
}

interface Proc extends ProcInfo {
  thread?: Thread;
  gens: Run[];
  killedWith?: number;
  handler?: (sig: SignalName, from: number) => void;
  handles?: Set<SignalName>;
  cpuMs: number;
}

/** 32-bit FNV-1a of a string: seeds a container's own random source without drawing from the cluster's. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The process argv Kubernetes runs: command/args over the image's Entrypoint/Cmd (pkg/kubelet/kuberuntime). */
export function containerArgv(container: Container, entrypoint: string[], cmd: string[]): string[] {
  if (container.command?.length) return [...container.command, ...(container.args ?? [])];
  return [...entrypoint, ...(container.args ?? cmd)];
}

/**
 * Starts a container's main process (PID 1) on a fresh copy of its image's filesystem. The first instruction runs
 * at the current instant, after work already queued for it; `onExit` is never called synchronously.
 * The runtime draws nothing from `opts.random`: its jitter comes from a source seeded by pod, container, image and
 * start time, so starting a container never shifts the cluster's uids or IPs.
 */
export function startContainerProcess(opts: StartOptions): ContainerProcess {
  const { clock, image, container, podName } = opts;
  const profile = imageProfile(image);
  const repo = image.repository.replace(/^docker\.io\/(library\/)?/, '');
  const startedAt = clock.now();
  const rand = createRandom(hash(`${podName}/${container.name}/${image.repository}:${image.tag}@${startedAt}`));
  const nodeCpus = Math.max(1, Math.round((opts.node?.cpuMilli ?? 2000) / 1000));
  const nodeMemoryBytes = opts.node?.memoryBytes ?? 4 * 1024 ** 3;
  const memLimit = Math.min(opts.limits.memoryBytes ?? Infinity, nodeMemoryBytes);
  const cpuCap = Math.min(opts.limits.cpuMilli ?? Infinity, nodeCpus * 1000);
  const gateway = opts.podIP ? `${opts.podIP.split('.').slice(0, 3).join('.')}.1` : '10.244.0.1';
  const fs = createFileSystem(imageFiles(image, profile, { podName, podIP: opts.podIP, namespace: opts.namespace }, startedAt - 86_400_000), () => clock.now(), opts.mounts);

  // Environment, in containerd's order: image PATH, HOSTNAME, the rest of the image Env, the container's, HOME.
  const env = new Map<string, string>();
  const put = (kv: string) => { const i = kv.indexOf('='); env.set(kv.slice(0, i), kv.slice(i + 1)); };
  put(profile.config.Env.find((e) => e.startsWith('PATH=')) ?? DEFAULT_PATH);
  env.set('HOSTNAME', podName);
  profile.config.Env.forEach(put);
  for (const e of opts.env) env.set(e.name, e.value ?? '');
  if (!env.has('HOME')) env.set('HOME', '/root');
  const environ = Object.fromEntries(env);
  const workDir = container.workingDir ?? profile.config.WorkingDir;
  fs.mkdir(workDir, true);

  let alive = true;
  let disposed = false;
  let nextPid = 1;
  const procs = new Map<number, Proc>();
  const threads = new Set<Thread>();
  const timers = new Set<TimerHandle>();
  const servers = new Map<number, Server>();
  // Log lines; `make` formats a lazily written line the first time it is read.
  const lines: Array<{ time: number; stream: 'stdout' | 'stderr'; text?: string; make?: () => string }> = [];
  const textOf = (l: (typeof lines)[number]) => (l.text ??= l.make!());
  const partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  const faults: ContainerHost['faults'] = { delayMs: 0 };
  let leak: { since: number; bytesPerSecond: number; base: number } | undefined;
  let throttledMs = 0;
  let accountedAt = startedAt;
  let oomTimer: TimerHandle | undefined;
  let current: Thread | undefined;

  // ---- output ----
  const logSink = (stream: 'stdout' | 'stderr'): Sink => ({
    write(s) {
      if (!alive || s === '') return;
      // The common case, one whole line (every access-log line a server writes): no splitting.
      const nl = s.indexOf('\n');
      if (partial[stream] === '' && nl === s.length - 1) {
        lines.push({ time: clock.now(), stream, text: s.slice(0, -1) });
        if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
        return;
      }
      const text = partial[stream] + s;
      const parts = text.split('\n');
      partial[stream] = parts.pop()!;
      for (const t of parts) lines.push({ time: clock.now(), stream, text: t });
      if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
    },
    line(make) {
      if (!alive) return;
      if (partial[stream] !== '') { this.write(`${make()}\n`); return; }
      lines.push({ time: clock.now(), stream, make });
      if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
    },
  });

  // ---- timers owned by the container ----
  const after = (ms: number, fn: () => void, background = false): TimerHandle => {
    const t = clock.after(ms, () => { timers.delete(t); fn(); }, { background: background || ms > FINITE_HORIZON_MS });
    timers.add(t);
    return t;
  };

  // ---- resources ----
  /** Brings every process's CPU time and the throttled time up to now, at the demand in force since last time. */
  function account() {
    const now = clock.now();
    const dt = now - accountedAt;
    accountedAt = now;
    if (dt <= 0) return;
    const demand = [...procs.values()].reduce((t, p) => t + p.cpuMilli, 0);
    if (demand <= 0) return;
    const share = Math.min(1, cpuCap / demand);
    for (const p of procs.values()) p.cpuMs += (dt * p.cpuMilli * share) / 1000;
    // cpu.stat throttled_usec: the share of each CFS period the group spends throttled once it has used its quota.
    if (opts.limits.cpuMilli !== undefined && demand > opts.limits.cpuMilli) throttledMs += dt * (1 - opts.limits.cpuMilli / demand);
  }
  const memoryAt = (t: number) => {
    let m = 0;
    for (const p of procs.values()) m += p.rss(t);
    if (leak) m += leak.base + (leak.bytesPerSecond * Math.max(0, t - leak.since)) / 1000;
    return m;
  };
  /** Schedules the OOM kill at the first instant memory passes the limit (memory only grows between changes). */
  function scheduleOom() {
    oomTimer?.cancel();
    oomTimer = undefined;
    if (!alive || memLimit === Infinity) return;
    const now = clock.now();
    if (memoryAt(now) > memLimit) { oomTimer = after(0, oomKill); return; }
    let hi = now + 30 * 86_400_000;
    if (memoryAt(hi) <= memLimit) return;
    let lo = now;
    while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (memoryAt(mid) > memLimit) hi = mid; else lo = mid; }
    oomTimer = after(hi - now, oomKill);
  }
  // With cgroup v2 the kubelet sets memory.oom.group=1 (kubernetes#117793, v1.28): the OOM killer takes the
  // whole container, so the runtime reports the container OOMKilled with 137 even when a child hit the limit.
  const oomKill = () => finish(137, 'OOMKilled');

  function usage(): ResourceUsage {
    account();
    const now = clock.now();
    const demand = [...procs.values()].reduce((t, p) => t + p.cpuMilli, 0);
    // metrics jitter: deterministic per container and 15 s window (the kubelet's summary resolution)
    const j = hash(`${startedAt}:${Math.floor(now / 15_000)}`);
    const idle = servers.size > 0 && j % 3 === 0 ? 1 : 0;
    const mem = memoryAt(now);
    return {
      cpuMilli: alive ? Math.round(Math.min(demand, cpuCap) + (demand === 0 ? idle : 0)) : 0,
      memoryBytes: alive ? Math.round(mem * (1 + ((j % 41) - 20) / 2000)) : 0,
      throttledMs: Math.round(throttledMs),
    };
  }

  // ---- processes ----
  const defaultRss = () => (profile.userland === 'debian' ? 380_000 : 90_000);
  function addProc(ppid: number, argv: string[], res: Partial<Pick<ProcInfo, 'cpuMilli' | 'rss' | 'vszKb'>> = {}): number {
    account();
    const pid = nextPid++;
    procs.set(pid, {
      pid, ppid, argv, startedAt: clock.now(), cpuMilli: res.cpuMilli ?? 0, rss: res.rss ?? defaultRss, vszKb: res.vszKb ?? (profile.userland === 'debian' ? 2_484 : 1_636),
      gens: [], cpuMs: 0,
    });
    scheduleOom();
    return pid;
  }
  function updateProc(pid: number, patch: Partial<Pick<ProcInfo, 'argv' | 'cpuMilli' | 'rss' | 'vszKb'>>) {
    const p = procs.get(pid);
    if (!p) return;
    account();
    Object.assign(p, patch);
    scheduleOom();
  }
  function removeProc(pid: number) {
    if (!procs.has(pid)) return;
    account();
    procs.delete(pid);
    unlisten(pid);
    scheduleOom();
  }
  function unlisten(pid: number) {
    for (const [port, s] of servers) if (s.pid === pid) servers.delete(port);
  }

  /** Wraps a process's generator: tracks it on the thread's stack, and ends it early when the process is killed. */
  function* procRun(pid: number, inner: Run): Run {
    const t = current!;
    const p = procs.get(pid);
    p?.gens.push(inner);
    if (p) p.thread = t;
    t.stack.push(pid);
    try {
      let v: number | undefined;
      for (;;) {
        const killed = procs.get(pid)?.killedWith;
        if (killed !== undefined) return killed;
        const step = inner.next(v);
        if (step.done) return step.value;
        v = yield step.value;
      }
    } finally {
      t.stack.pop();
      const q = procs.get(pid);
      if (q) q.gens = q.gens.filter((g) => g !== inner);
    }
  }

  // ---- threads ----
  function newThread(gen: Run, onEnd: (status: number) => void, exec?: Thread['exec']): Thread {
    const t: Thread = { gen, stack: [], waiting: false, done: false, running: false, ops: 0, exec, onEnd };
    threads.add(t);
    return t;
  }
  function endThread(t: Thread, status: number) {
    if (t.done) return;
    t.done = true;
    t.waiting = false;
    t.timer?.cancel();
    threads.delete(t);
    t.onEnd(status);
  }
  /** Runs a thread until its next wait; `value` resumes the wait it was in (a status when a signal ended it). */
  function drive(t: Thread, value?: number) {
    if (t.done || !alive) return;
    if (t.running) { after(0, () => drive(t, value)); return; }
    const prev = current;
    current = t;
    t.running = true;
    t.waiting = false;
    t.ops = 0;
    t.timer?.cancel();
    t.timer = undefined;
    try {
      let step = t.gen.next(value);
      for (;;) {
        if (step.done) { t.running = false; endThread(t, step.value); return; }
        const w: Wait = step.value;
        if (t.exec) {
          if (w.kind === 'sleep' && t.exec.elapsed + w.ms <= t.exec.timeoutMs) {
            t.exec.elapsed += w.ms;
            step = t.gen.next(undefined);
            continue;
          }
          t.exec.timedOut = true;
          t.exec.elapsed = t.exec.timeoutMs;
          t.running = false;
          t.gen.return(137);
          endThread(t, 137);
          return;
        }
        t.waiting = true;
        if (w.kind === 'sleep') {
          t.timer = after(w.ms, () => { t.timer = undefined; drive(t); }, w.background);
        } else if (w.spin) {
          updateProc(w.pid, { cpuMilli: 1000 });
        }
        break;
      }
    } catch (e) {
      // A bug in a simulated program must not take the cluster down: the process dies as if it had crashed.
      t.running = false;
      logSink('stderr').write(`runtime: ${(e as Error).message}\n`);
      endThread(t, 139);
      return;
    } finally {
      t.running = false;
      current = prev;
    }
  }

  /** Ends process `pid` with `status`: the thread resumes in its parent (or ends, for the thread's own process). */
  function killProc(pid: number, status: number) {
    const p = procs.get(pid);
    if (!p) return;
    const t = p.thread;
    p.killedWith = status;
    if (!t || t.done) { removeProc(pid); return; }
    if (t.running) { after(0, () => killProc(pid, status)); return; }
    p.gens[0]?.return(status);
    drive(t);
  }

  function spawn(ppid: number, argv: string[] | undefined, body: (pid: number) => Run): number {
    const pid = addProc(ppid, argv ?? procs.get(ppid)?.argv ?? ['sh']);
    const t = newThread((function* () { return yield* procRun(pid, body(pid)); })(), () => removeProc(pid));
    after(0, () => drive(t));
    return pid;
  }

  /** Delivers a signal. `from` 0 is outside the container (the kubelet via containerd). */
  function deliver(pid: number, sig: SignalName, from: number): string | undefined {
    const p = procs.get(pid);
    if (!p || !alive) return 'No such process';
    if (p.handler && p.handles?.has(sig)) { p.handler(sig, from); return undefined; }
    if (pid === 1) {
      // The kernel drops signals to a namespace's init that it has no handler for; SIGKILL only works from outside.
      if (sig === 'KILL' && from === 0) finish(137, 'Error');
      return undefined;
    }
    if (sig === 'WINCH') return undefined; // default action: ignore
    killProc(pid, 128 + SIGNALS[sig]);
    return undefined;
  }

  /** PID 1 is gone (or the container was killed): everything stops and the kubelet hears the exit once. */
  function finish(code: number, reason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError', message?: string) {
    if (!alive) return;
    account();
    alive = false;
    for (const t of [...threads]) { t.timer?.cancel(); t.done = true; if (!t.running) { try { t.gen.return(code); } catch { /* already closing */ } } }
    threads.clear();
    for (const t of timers) t.cancel();
    timers.clear();
    oomTimer = undefined;
    servers.clear();
    if (!disposed) opts.onExit(code, reason, message);
  }

  // ---- the container as programs see it ----
  const host: ContainerHost = {
    fs, userland: profile.userland, hostname: podName, busybox: profile.busybox, profile, repo, tag: image.tag, podIP: opts.podIP,
    nodeCpus, nodeMemoryBytes, rand, faults,
    now: () => clock.now() + (current?.exec?.elapsed ?? 0),
    tick: () => !current || ++current.ops <= (current.exec ? 10 * BUSY_LOOP_COMMANDS : BUSY_LOOP_COMMANDS),
    run(program, ctx) {
      const impl = PROGRAMS[program];
      let pid = ctx.ppid;
      if (ctx.replace && procs.has(pid)) {
        updateProc(pid, { argv: ctx.argv });
        const p = procs.get(pid)!;
        p.handler = undefined;
        p.handles = undefined;
      } else pid = addProc(ctx.ppid, ctx.argv);
      const inner: Run = impl
        ? (function* () { const r = impl({ ...ctx, host, pid }); return typeof r === 'number' ? r : yield* r; })()
        : (function* () { ctx.err.write(`${ctx.argv[0]}: applet not found\n`); return 127; })();
      const replaced = ctx.replace && pid === ctx.ppid;
      return (function* () {
        try { return yield* procRun(pid, inner); } finally { if (!replaced) removeProc(pid); }
      })();
    },
    spawn,
    kill: (pid, sig, from) => deliver(pid, sig, from),
    onSignal(pid, handler, handles) {
      const p = procs.get(pid);
      if (!p) return;
      p.handler = handler;
      p.handles = handler ? new Set(handles ?? (['TERM', 'INT', 'HUP', 'QUIT', 'WINCH', 'USR1', 'USR2'] as SignalName[])) : undefined;
    },
    procs: () => [...procs.values()],
    addProc, updateProc, removeProc,
    listen(port, server) {
      if (servers.has(port) || !alive) return false;
      servers.set(port, server);
      return true;
    },
    unlisten,
    listening: (port) => alive && servers.has(port),
    request(hostName, port, path, headers) {
      if (isLocalHost(host, hostName)) return serve(port, path, headers, hostName === podName || hostName === opts.podIP ? (opts.podIP ?? '127.0.0.1') : '127.0.0.1');
      const r = opts.network?.httpGet(hostName, port, path, headers, opts.podIP ?? '127.0.0.1');
      if (!r) return 'unknown host';
      return 'error' in r ? r : { ...r, headers: r.headers ?? {} };
    },
    wake(pid, code) {
      const p = procs.get(pid);
      const t = p?.thread;
      if (!t || t.done) return;
      if (t.stack[t.stack.length - 1] === pid && t.waiting) drive(t, code);
      else killProc(pid, code);
    },
    after: (ms, fn, background) => after(ms, fn, background),
    usage,
    cpuTimeMs: (pid) => { account(); return procs.get(pid)?.cpuMs ?? 0; },
  };

  function serve(port: number, path: string, headers: Record<string, string>, from: string): HttpOutcome & { durationMs?: number } {
    const s = alive ? servers.get(port) : undefined;
    if (!s) return { error: 'connection refused' };
    let ans: ReturnType<Server['get']>;
    try { ans = s.get({ path, headers, from }); } catch { ans = undefined; } // a simulator bug drops the connection
    if (!ans) return { error: 'EOF', durationMs: 1 };
    // Not a spread: the answer's headers are a lazy getter that a spread would evaluate.
    const timed = ans as typeof ans & { durationMs: number };
    timed.durationMs = faults.delayMs || 1;
    return timed;
  }

  /** What the kernel runs for argv: a program-tagged binary, or an executable script through its `#!` interpreter. */
  function resolveExec(argv: string[]): { program: string; argv: string[] } | { error: string } {
    const cmd = argv[0];
    const f = which(fs, profile.userland, cmd, environ.PATH ?? '', workDir);
    if (typeof f === 'string') {
      return { error: f === 'EACCES' ? `exec: "${cmd}": permission denied` : cmd.includes('/') ? `exec: "${cmd}": stat ${cmd}: no such file or directory` : `exec: "${cmd}": executable file not found in $PATH` };
    }
    if (f.program) return { program: f.program, argv };
    const text = fs.read(f.path);
    const interpreter = /^#!\s*(\S+)/.exec(text)?.[1];
    const shell = interpreter ? which(fs, profile.userland, interpreter, '', '/') : undefined;
    if (!interpreter || !shell || typeof shell === 'string' || !shell.program) return { error: `exec: "${cmd}": ${interpreter ? 'no such file or directory' : 'exec format error'}` };
    return { program: shell.program, argv: [interpreter, f.path, ...argv.slice(1)] };
  }

  // ---- PID 1 ----
  const stdout = logSink('stdout');
  const stderr = logSink('stderr');
  const startError = (detail: string) => `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`;
  const specArgv = containerArgv(container, profile.config.Entrypoint, profile.config.Cmd);
  const resolved = specArgv.length ? resolveExec(specArgv) : undefined;
  if (!resolved) {
    after(0, () => finish(128, 'StartError', 'failed to generate container spec: no command specified'));
  } else if ('error' in resolved) {
    after(0, () => finish(128, 'StartError', startError(resolved.error)));
  } else {
    const { program, argv } = resolved;
    nextPid = 1;
    addProc(0, argv);
    // docker-nginx's entrypoint runs its /docker-entrypoint.d scripts first: nginx's workers start near PID 29.
    nextPid = program === 'docker-entrypoint' ? 29 : 7;
    const inner = (function* (): Run {
      const impl = PROGRAMS[program];
      const r = impl({ argv, stdin: '', out: stdout, err: stderr, env: environ, cwd: workDir, ppid: 0, replace: false, host, pid: 1 });
      return typeof r === 'number' ? r : yield* r;
    })();
    const main = newThread((function* () { return yield* procRun(1, inner); })(), (status) => finish(status, status === 0 ? 'Completed' : 'Error'));
    after(0, () => drive(main));
  }

  /** `exec`: runs argv as a new process on a thread driven to completion now; slept time becomes durationMs. */
  function execIn(execArgv: string[], o?: { stdin?: string; timeoutMs?: number }): ExecResult {
    const timeoutMs = o?.timeoutMs ?? EXEC_TIMEOUT_MS;
    const cri = (msg: string): ExecResult => ({ stdout: '', stderr: '', exitCode: 126, durationMs: 0, runtimeError: msg });
    if (!alive) return cri('Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state');
    const resolvedExec = resolveExec(execArgv.length ? execArgv : ['']);
    if ('error' in resolvedExec) {
      const execId = rand.hex(64); // containerd's exec id, only ever seen in this message
      return cri(`Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${resolvedExec.error}: unknown`);
    }
    let out = '';
    let err = '';
    let open = true;
    const { program, argv } = resolvedExec;
    const pid = addProc(0, argv);
    const r = PROGRAMS[program]({ argv, stdin: o?.stdin ?? '', out: { write: (s) => { if (open) out += s; } }, err: { write: (s) => { if (open) err += s; } }, env: environ, cwd: workDir, ppid: 0, replace: false, host, pid });
    if (typeof r === 'number') {
      // Finished without waiting (test, cat, echo ...: what exec probes run): no thread needed, no time passed.
      open = false;
      removeProc(pid);
      return { stdout: out, stderr: err, exitCode: r, durationMs: 0 };
    }
    const inner = r;
    let status = 0;
    const t = newThread((function* () { return yield* procRun(pid, inner); })(), (s) => { status = s; }, { elapsed: 0, timeoutMs, timedOut: false });
    drive(t);
    open = false;
    removeProc(pid);
    const x = t.exec!;
    return { stdout: out, stderr: err, exitCode: x.timedOut ? 137 : status, durationMs: x.elapsed, ...(x.timedOut ? { timedOut: true } : {}) };
  }

  // A probe sends the same headers object every period: reuse its Host-completed copy per port.
  const withHostCache = new WeakMap<Record<string, string>, Map<number, Record<string, string>>>();
  const noHeaders: Record<string, string> = {};
  function withHost(headers: Record<string, string> | undefined, port: number): Record<string, string> {
    const h = headers ?? noHeaders;
    let perPort = withHostCache.get(h);
    if (!perPort) withHostCache.set(h, perPort = new Map());
    let merged = perPort.get(port);
    if (!merged) perPort.set(port, merged = { Host: `${opts.podIP ?? '127.0.0.1'}:${port}`, ...h });
    return merged;
  }

  /** An HTTP GET arriving from outside the container (a probe, another pod). */
  function request({ port, path, headers, from }: { port: number; path: string; headers?: Record<string, string>; from?: string }): HttpResult {
    const r = serve(port, path, withHost(headers, port), from ?? gateway);
    if ('error' in r) return { error: r.error, durationMs: r.durationMs ?? 0 };
    return r as HttpResult; // the server's answer, timed by serve (its headers stay lazy)
  }

  function stopSignal(): SignalName {
    // containerd's StopContainer sends the image config's StopSignal (docker-nginx: SIGQUIT, httpd: SIGWINCH).
    return ({ SIGQUIT: 'QUIT', SIGWINCH: 'WINCH', SIGTERM: 'TERM' } as const)[profile.config.StopSignal];
  }

  return {
    signal(sig) {
      if (!alive) return;
      if (sig === 'KILL') { finish(137, 'Error'); return; }
      deliver(1, stopSignal(), 0);
    },
    dispose() {
      disposed = true;
      finish(0, 'Completed');
    },
    exec(execArgv, o): ExecResult {
      try {
        return execIn(execArgv, o);
      } catch (e) {
        // The contract: exec never throws. A simulator bug surfaces as a runtime error the user can report.
        return { stdout: '', stderr: '', exitCode: 126, durationMs: 0, runtimeError: `Internal error occurred: ${(e as Error).message}` };
      }
    },
    httpGet: (port, path, headers) => request({ port, path, headers }),
    request,
    listening: (port) => alive && servers.has(port),
    usage,
    logs: () => lines.map((l) => `${textOf(l)}\n`).join('') + partial.stdout + partial.stderr,
    logLines: (): LogLine[] => [
      ...lines.map((l) => ({ time: l.time, stream: l.stream, text: textOf(l) })),
      ...(['stdout', 'stderr'] as const).filter((s) => partial[s]).map((s) => ({ time: clock.now(), stream: s, text: partial[s] })),
    ],
    fault(fault: Fault) {
      if (!alive) return;
      switch (fault.kind) {
        case 'memory-leak':
          account();
          // A new rate continues from what has leaked so far.
          leak = { since: clock.now(), bytesPerSecond: fault.bytesPerSecond, base: leak ? leak.base + (leak.bytesPerSecond * (clock.now() - leak.since)) / 1000 : 0 };
          scheduleOom();
          return;
        case 'fail-health': faults.failPath = fault.path ?? true; return;
        case 'slow': faults.delayMs = fault.delayMs; return;
        case 'recover': faults.failPath = undefined; faults.delayMs = 0; return;
        case 'crash': {
          const code = fault.exitCode ?? 1;
          after(0, () => finish(code, code === 0 ? 'Completed' : 'Error'));
        }
      }
    },
    readFile(path) {
      const r = fs.read(resolvePath('/', path));
      return /^E[A-Z]+$/.test(r) ? undefined : r;
    },
  };
}
