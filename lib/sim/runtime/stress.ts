/**
 * stress-ng (the ikubernetes/stress-ng image, stress-ng 0.09 on Alpine): option parsing as musl's getopt_long does
 * it, CPU and VM workers as child processes with the resources they demand, and its info lines.
 * A short option and its value may share one argv word: `-m 1` gives getopt `-m` with optarg ` 1`, which
 * stress-ng's get_int32 (strtol) reads as 1 — so the notes' `["/usr/bin/stress-ng", "-m 1", "-c 1"]` works.
 */
import type { AppletCtx } from './applets';
import type { ContainerHost } from './programs';
import type { Run } from './sh/interp';

/** stress-ng's DEFAULT_VM_BYTES: 256 MB per vm worker. */
export const DEFAULT_VM_BYTES = 256 * 1024 * 1024;
/** stress-ng's default run time when no --timeout is given (stress-ng.h DEFAULT_TIMEOUT). */
const DEFAULT_TIMEOUT_S = 86_400;
/** A vm worker touches its mapping over about a second before it is fully resident. */
const VM_RAMP_MS = 1000;

export interface StressPlan { cpu: number; vm: number; vmBytes: number; timeoutS?: number; metricsBrief: boolean; cpuLoad: number; quiet: boolean }

const SHORT_WITH_VALUE = new Set(['c', 'm', 't', 'l', 'i', 'd', 'b', 'C', 'B', 'D', 'f', 'F', 'p', 'P', 'o', 'r', 's', 'S', 'T', 'u', 'y', 'n', 'M']);
const LONG: Record<string, boolean> = {
  cpu: true, vm: true, 'vm-bytes': true, timeout: true, 'cpu-load': true, 'cpu-method': true, 'vm-method': true, 'vm-keep': false, 'vm-hang': true,
  'metrics-brief': false, metrics: false, verbose: false, quiet: false, 'vm-populate': false, io: true, hdd: true, 'hdd-bytes': true, 'cpu-ops': true, 'vm-ops': true,
};

/** Parses a size as stress-ng's get_uint64_byte does: b/k/m/g suffixes (powers of 1024) or a % of `totalBytes`. */
export function parseBytes(s: string, totalBytes: number): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmgtBKMGT%]?)\s*$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === '%') return Math.floor((totalBytes * n) / 100);
  return Math.floor(n * 1024 ** ' kmgt'.indexOf((m[2] || ' ').toLowerCase().replace('b', ' ')));
}

/** Parses a time as stress-ng's get_uint64_time: s/m/h/d/y suffixes. */
function parseSeconds(s: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhdy]?)\s*$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400, y: 31_556_926 }[m[2]]!;
}

/** Parses stress-ng's argv; returns the plan or an error line (musl getopt's wording). */
export function parseStress(argv: string[], nodeCpus: number, nodeMemoryBytes: number): StressPlan | string {
  const plan: StressPlan = { cpu: 0, vm: 0, vmBytes: DEFAULT_VM_BYTES, metricsBrief: false, cpuLoad: 100, quiet: false };
  const set = (opt: string, value: string | undefined): string | undefined => {
    const int = () => { const n = Number.parseInt((value ?? '').trim(), 10); return Number.isNaN(n) ? undefined : n; };
    switch (opt) {
      case 'c': case 'cpu': { const n = int(); if (n === undefined) return `Invalid number ${value}`; plan.cpu = n === 0 ? nodeCpus : n; return; }
      case 'm': case 'vm': { const n = int(); if (n === undefined) return `Invalid number ${value}`; plan.vm = n === 0 ? nodeCpus : n; return; }
      case 't': case 'timeout': { const s = parseSeconds(value ?? ''); if (s === undefined) return `Invalid time ${value}`; plan.timeoutS = s; return; }
      case 'vm-bytes': { const b = parseBytes(value ?? '', nodeMemoryBytes); if (b === undefined) return `Invalid size ${value}`; plan.vmBytes = b; return; }
      case 'l': case 'cpu-load': { const n = int(); if (n === undefined || n < 0 || n > 100) return `CPU load must in the range 0 to 100.`; plan.cpuLoad = n; return; }
      case 'metrics-brief': plan.metricsBrief = true; return;
      case 'q': case 'quiet': plan.quiet = true; return;
    }
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (!(name in LONG)) return `stress-ng: unrecognized option: ${a}`;
      const value = LONG[name] ? (eq >= 0 ? a.slice(eq + 1) : argv[++i]) : undefined;
      if (LONG[name] && value === undefined) return `stress-ng: option requires an argument: ${name}`;
      const err = set(name, value);
      if (err) return `stress-ng: ${err}`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (SHORT_WITH_VALUE.has(f)) {
          const value = a.length > j + 1 ? a.slice(j + 1) : argv[++i];
          if (value === undefined) return `stress-ng: option requires an argument: ${f}`;
          const err = set(f, value);
          if (err) return `stress-ng: ${err}`;
          break;
        }
        if (!'vqhVkxY'.includes(f)) return `stress-ng: unrecognized option: ${f}`;
        set(f, undefined);
      }
    }
  }
  return plan;
}

/** `N secs` → stress-ng's duration suffix: ` (1 min, 0.01 secs)` for a minute or more. */
function duration(s: number): string {
  if (s < 60) return '';
  const parts: string[] = [];
  let rest = s;
  for (const [unit, len] of [['day', 86_400], ['hour', 3600], ['min', 60]] as const) {
    const n = Math.floor(rest / len);
    if (n > 0 || parts.length) { parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`); rest -= n * len; }
  }
  return ` (${parts.join(', ')}, ${rest.toFixed(2)} secs)`;
}

/** stress-ng as a program: dispatches workers, runs until --timeout (or SIGINT), prints the run summary. */
export const stressNg = function* (c: AppletCtx): Run {
  const h = c.host as ContainerHost;
  const plan = parseStress(c.argv, h.nodeCpus, h.nodeMemoryBytes);
  const pid = c.pid;
  const info = (msg: string) => c.out.write(`stress-ng: info:  [${pid}] ${msg}\n`);
  if (typeof plan === 'string') { c.err.write(`${plan}\n`); return 1; }
  if (plan.timeoutS === undefined) info(`defaulting to a ${DEFAULT_TIMEOUT_S} second (1 day, 0.00 secs) run per stressor`);
  const hogs = [plan.cpu ? `${plan.cpu} cpu` : '', plan.vm ? `${plan.vm} vm` : ''].filter(Boolean);
  if (hogs.length === 0) { c.out.write(`stress-ng: error: [${pid}] No stress workers invoked\n`); return 1; }
  info(`dispatching hogs: ${hogs.join(', ')}`);
  const cmd = c.argv.join(' ');
  const base = 6_956;
  h.updateProc(pid, { argv: [cmd], vszKb: base, rss: () => 2_250_000, cpuMilli: 0 });
  const t0 = h.now();
  const workers: { pid: number; kind: 'cpu' | 'vm' }[] = [];
  for (let i = 0; i < plan.cpu; i++) {
    workers.push({ kind: 'cpu', pid: h.addProc(pid, [`{stress-ng-cpu} ${cmd}`], { cpuMilli: Math.round(10 * plan.cpuLoad), vszKb: base, rss: () => 1_640_000 }) });
  }
  for (let i = 0; i < plan.vm; i++) {
    const bytes = plan.vmBytes;
    const rss = (now: number) => 1_640_000 + Math.floor(bytes * Math.min(1, Math.max(0, now - t0) / VM_RAMP_MS));
    workers.push({ kind: 'vm', pid: h.addProc(pid, [`{stress-ng-vm} ${cmd}`], { cpuMilli: 1000, vszKb: base + Math.floor(bytes / 1024), rss }) });
  }
  h.onSignal(pid, () => h.wake(pid, -1), ['INT']);
  const limitS = plan.timeoutS ?? DEFAULT_TIMEOUT_S;
  const r = yield { kind: 'sleep', ms: limitS * 1000, pid, background: plan.timeoutS === undefined };
  if (r !== undefined && r !== -1) return r;
  const real = (h.now() - t0) / 1000;
  info(`successful run completed in ${real.toFixed(2)}s${duration(real)}`);
  if (plan.metricsBrief) {
    info('stressor       bogo ops real time  usr time  sys time   bogo ops/s   bogo ops/s');
    info('                          (secs)    (secs)    (secs)   (real time) (usr+sys time)');
    for (const kind of ['cpu', 'vm'] as const) {
      const ws = workers.filter((w) => w.kind === kind);
      if (ws.length === 0) continue;
      const usr = ws.reduce((t, w) => t + h.cpuTimeMs(w.pid), 0) / 1000;
      const sys = kind === 'vm' ? usr * 0.02 : 0;
      const ops = Math.floor(usr * (kind === 'cpu' ? 341 : 2780));
      const f = (n: number, w: number) => n.toFixed(2).padStart(w);
      info(`${kind.padEnd(13)} ${String(ops).padStart(9)} ${f(real, 9)} ${f(usr, 9)} ${f(sys, 9)} ${f(real ? ops / real : 0, 12)} ${f(usr + sys ? ops / (usr + sys) : 0, 14)}`);
    }
  }
  for (const w of workers) h.removeProc(w.pid);
  return 0;
};
