/**
 * The programs that need more of the container than its filesystem: the shell itself, ps/top/free/kill, the
 * network clients (wget, curl, nc, redis-cli) and the servers (nginx, httpd, redis, the control-plane binaries).
 * Servers register their ports with the container, log in their real formats and handle signals as upstream does.
 */
import type { TimerHandle } from '../clock';
import type { Random } from '../random';
import type { ResourceUsage } from './types';
import { APPLETS, strftime, type AppletCtx } from './applets';
import { resolvePath } from './fs';
import type { ImageProfile } from './rootfs';
import { byteLength, commonLogLine, header, httpdServe, nginxAccessLine, nginxServe, nginxSiteConfig, type HttpAnswer, type HttpRequest, type NginxSite } from './servers';
import { createShell, runScript, SIGNALS, type Host, type Run, type SignalName } from './sh/interp';
import { stressNg } from './stress';

/** A process as ps/top and the resource accounting see it. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  argv: string[];
  startedAt: number;
  /** CPU the process wants, millicores. */
  cpuMilli: number;
  /** Resident bytes at a time. */
  rss: (now: number) => number;
  vszKb: number;
}

/** A listening server: answers a request, or closes the connection (undefined: the client sees EOF). */
export interface Server { pid: number; get(req: HttpRequest): HttpAnswer | undefined }

export type HttpOutcome = HttpAnswer | { error: 'connection refused' | 'timeout' | 'EOF' };

/** The container's services beyond the shell's Host. Implemented by container.ts. */
export interface ContainerHost extends Host {
  profile: ImageProfile;
  /** Repository without `docker.io/library/` (nginx, ikubernetes/myapp…). */
  repo: string;
  tag: string;
  podIP?: string;
  nodeCpus: number;
  nodeMemoryBytes: number;
  /** The container's own random source (seeded at start). */
  rand: Random;
  faults: { failPath?: string | true; delayMs: number };
  procs(): ProcInfo[];
  addProc(ppid: number, argv: string[], res?: Partial<Pick<ProcInfo, 'cpuMilli' | 'rss' | 'vszKb'>>): number;
  updateProc(pid: number, patch: Partial<Pick<ProcInfo, 'argv' | 'cpuMilli' | 'rss' | 'vszKb'>>): void;
  removeProc(pid: number): void;
  /** Binds `port`; false when something already listens there. */
  listen(port: number, server: Server): boolean;
  unlisten(pid: number): void;
  /** An HTTP GET to `host:port` from inside the container (localhost, the pod's own names, or via the cluster network). */
  request(host: string, port: number, path: string, headers: Record<string, string>): HttpOutcome & { durationMs?: number } | 'unknown host';
  listening(port: number): boolean;
  /** Ends the wait of process `pid` with status `code` (its generator resumes). */
  wake(pid: number, code: number): void;
  /** A container-scoped timer (cancelled when the container goes). */
  after(ms: number, fn: () => void, background?: boolean): TimerHandle;
  usage(): ResourceUsage;
  /** CPU time a process has used, ms. */
  cpuTimeMs(pid: number): number;
}

export type Program = (c: AppletCtx & { host: ContainerHost }) => number | Run;
const H = (c: AppletCtx) => c.host as ContainerHost;

/** Whether `host` names this pod (the container shares the pod's network namespace). */
export const isLocalHost = (h: ContainerHost, host: string) => ['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]', h.hostname, h.podIP].includes(host);

// ---- sh ---------------------------------------------------------------------------------------------------

/** `sh -c SCRIPT [ARG0 [ARGS]]`, `sh FILE [ARGS]`, or a bare `sh` reading its (empty) stdin: exits at once. */
const sh: Program = function* (c) {
  const args = c.argv.slice(1);
  const base = c.argv[0].split('/').pop()!;
  const dialect = base === 'bash' ? 'bash' : c.host.userland === 'debian' ? 'dash' : 'ash';
  let cmode = false;
  while (args.length && /^[-+][a-zA-Z]+$/.test(args[0])) { if (args.shift()!.includes('c')) cmode = true; }
  if (args[0] === '--') args.shift();
  let script: string;
  let arg0 = c.argv[0];
  let positional: string[] = [];
  if (cmode) {
    if (args[0] === undefined) {
      c.err.write(dialect === 'dash' ? `${arg0}: 0: -c requires an argument\n` : `${arg0}: -c requires an argument\n`);
      return 2;
    }
    script = args[0];
    if (args[1] !== undefined) arg0 = args[1];
    positional = args.slice(2);
  } else if (args[0] !== undefined) {
    const text = c.host.fs.read(resolvePath(c.cwd, args[0]));
    if (/^E[A-Z]+$/.test(text)) {
      c.err.write(dialect === 'dash' ? `${arg0}: 0: cannot open ${args[0]}: No such file\n` : `${arg0}: can't open '${args[0]}': No such file or directory\n`);
      return dialect === 'dash' ? 2 : 127;
    }
    script = text.replace(/^#!.*\n/, '');
    arg0 = args[0];
    positional = args.slice(1);
  } else {
    script = c.stdin; // no terminal: the shell reads its stdin to EOF and exits
  }
  const shell = createShell(c.host, c.pid, c.env, { arg0, args: positional, cwd: c.cwd, dialect });
  shell.endless = c.background ? 1 : 0;
  // ash and dash exec the last simple command of a -c string (evaltree EV_EXIT): `sh -c 'sleep 9'` leaves sleep as the process.
  return yield* runScript(shell, script, { stdin: cmode ? c.stdin : '', out: c.out, err: c.err }, cmode);
};

// ---- process tools ----------------------------------------------------------------------------------------

const mmss = (ms: number) => { const s = Math.floor(ms / 1000); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };
const cmdline = (p: ProcInfo) => p.argv.join(' ');

/** busybox ps (procps/ps.c): `PID   USER     TIME  COMMAND`. */
const ps: Program = (c) => {
  const h = H(c);
  const rows = h.procs().sort((a, b) => a.pid - b.pid);
  c.out.write(`PID   USER     TIME  COMMAND\n${rows.map((p) => `${String(p.pid).padStart(5)} root     ${mmss(h.cpuTimeMs(p.pid)).padStart(5)} ${cmdline(p)}\n`).join('')}`);
  return 0;
};

/** One busybox `top -b` frame (procps/top.c display_header + display_process_list). */
function topFrame(h: ContainerHost, selfPid: number): string {
  const now = h.now();
  const procs = h.procs();
  const u = h.usage();
  const demand = procs.reduce((t, p) => t + p.cpuMilli, 0);
  const share = demand > 0 ? Math.min(1, u.cpuMilli / demand) : 0;
  const totalKb = Math.round(h.nodeMemoryBytes / 1024);
  const usedKb = Math.min(totalKb, 1_180_000 + Math.round(u.memoryBytes / 1024));
  const busy = Math.min(100, Math.round(((u.cpuMilli + 120) / (h.nodeCpus * 1000)) * 100));
  const running = procs.filter((p) => p.cpuMilli > 0).length;
  const load = (running + 0.05).toFixed(2);
  const pct = (n: number) => `${String(Math.round(n)).padStart(4)}%`;
  const lines = [
    `Mem: ${usedKb}K used, ${totalKb - usedKb}K free, 1904K shrd, 86020K buff, 1004096K cached`,
    `CPU:${pct(busy)} usr${pct(0)} sys${pct(0)} nic${pct(100 - busy)} idle${pct(0)} io${pct(0)} irq${pct(0)} sirq`,
    `Load average: ${load} ${(running * 0.6 + 0.1).toFixed(2)} ${(running * 0.25 + 0.05).toFixed(2)} ${running + 1}/${procs.length + 180} ${selfPid}`,
    '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND',
  ];
  const rows = procs.map((p) => ({ p, cpu: (p.cpuMilli * share) / (h.nodeCpus * 10) }))
    .sort((a, b) => b.cpu - a.cpu || b.p.vszKb - a.p.vszKb);
  for (const { p, cpu } of rows) {
    const vsz = p.vszKb >= 100000 ? `${String(Math.floor(p.vszKb / 1024)).padStart(6)}m` : String(p.vszKb).padStart(7);
    const state = p.cpuMilli > 0 || p.pid === selfPid ? 'R  ' : 'S  ';
    lines.push(`${String(p.pid).padStart(5)}${String(p.ppid).padStart(6)} root     ${state}${vsz}${pct((p.vszKb / totalKb) * 100)} ${String(p.pid % h.nodeCpus).padStart(3)}${pct(cpu)} ${cmdline(p)}`);
  }
  void now;
  return `${lines.join('\n')}\n`;
}

/**
 * busybox top: `-b`, `-n N`, `-d SECS`. Real top without `-n` and without a terminal redraws every 5 s until
 * interrupted; here it prints one frame, as `kubectl exec pod -- top` is read once.
 */
const top: Program = function* (c) {
  const h = H(c);
  const a = c.argv.slice(1).join(' ');
  const n = Number(/-n\s*(\d+)/.exec(a)?.[1] ?? 1);
  const d = Number(/-d\s*(\d+)/.exec(a)?.[1] ?? 5);
  for (let i = 0; i < n; i++) {
    if (i > 0) { const r = yield { kind: 'sleep', ms: d * 1000, pid: c.pid }; if (r !== undefined) return r; }
    c.out.write(topFrame(h, c.pid));
  }
  return 0;
};

/** busybox free (procps/free.c) over the node's memory, as /proc/meminfo shows it in a container. */
const free: Program = (c) => {
  const h = H(c);
  const div = c.argv.includes('-m') ? 1024 : c.argv.includes('-g') ? 1024 * 1024 : 1;
  const total = Math.round(h.nodeMemoryBytes / 1024);
  const used = 1_180_000 + Math.round(h.usage().memoryBytes / 1024);
  const cache = 1_090_116;
  const f = (n: number) => String(Math.round(n / div)).padStart(12);
  c.out.write(`              total        used        free      shared  buff/cache   available\nMem:${f(total)}${f(used)}${f(total - used - cache)}${f(1904)}${f(cache)}${f(total - used)}\nSwap:${f(0).slice(1)}${f(0)}${f(0)}\n`);
  return 0;
};

/** /bin/kill (busybox procps/kill.c). */
const kill: Program = (c) => {
  let sig: SignalName = 'TERM';
  const args = c.argv.slice(1);
  if (args[0] === '-l') { c.out.write(`${Object.keys(SIGNALS).join(' ')}\n`); return 0; }
  if (args[0] === '-s') { args.shift(); sig = (args.shift() ?? '').toUpperCase().replace(/^SIG/, '') as SignalName; }
  else if (args[0]?.startsWith('-')) { const s = args.shift()!.slice(1).toUpperCase().replace(/^SIG/, ''); sig = (Object.entries(SIGNALS).find(([, n]) => String(n) === s)?.[0] ?? s) as SignalName; }
  if (!(sig in SIGNALS)) { c.err.write(`kill: bad signal name '${sig}'\n`); return 1; }
  let status = 0;
  for (const a of args) {
    const e = c.host.kill(Number(a), sig, c.pid);
    if (e) { c.err.write(`kill: can't kill pid ${a}: ${e}\n`); status = 1; }
  }
  return status;
};

// ---- network clients --------------------------------------------------------------------------------------

function parseUrl(u: string): { host: string; port: number; path: string; explicitPort: boolean } | undefined {
  const m = /^(?:http:\/\/)?(\[[^\]]+\]|[^/:]+)(?::(\d+))?(\/.*)?$/.exec(u);
  if (!m) return undefined;
  return { host: m[1], port: Number(m[2] ?? 80), path: m[3] ?? '/', explicitPort: m[2] !== undefined };
}

const ipOf = (h: ContainerHost, host: string) => (isLocalHost(h, host) ? (host === h.hostname || host === h.podIP ? h.podIP ?? '127.0.0.1' : '127.0.0.1') : host);

/** busybox wget (networking/wget.c): `-q`, `-O FILE|-`, `-S`, `--spider`, `-T SECS`, `-U AGENT`. */
const wget: Program = function* (c) {
  const h = H(c);
  let quiet = false; let out: string | undefined; let spider = false; let ua = 'Wget';
  const urls: string[] = [];
  const args = c.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--spider') spider = true;
    else if (a === '-O' || a === '--output-document') out = args[++i];
    else if (a === '-U' || a === '--user-agent') ua = args[++i];
    else if (a === '-T') i++;
    else if (/^-[a-zA-Z]+/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'q') quiet = true;
        else if (a[j] === 'O') { out = a.slice(j + 1) || args[++i]; break; }
        else if (a[j] === 'T' || a[j] === 'U') { if (a[j] === 'U') ua = a.slice(j + 1) || args[i + 1]; if (!a.slice(j + 1)) i++; break; }
      }
    } else urls.push(a);
  }
  if (urls.length === 0) { c.err.write(`BusyBox v${h.busybox} multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`); return 1; }
  const url = parseUrl(urls[0]);
  if (!url) { c.err.write(`wget: bad address '${urls[0]}'\n`); return 1; }
  const hostPort = url.explicitPort ? `${url.host}:${url.port}` : url.host;
  const res = h.request(url.host, url.port, url.path, { Host: hostPort, 'User-Agent': ua, Connection: 'close' });
  if (res === 'unknown host') { c.err.write(`wget: bad address '${url.host}'\n`); return 1; }
  if (res.durationMs) { const r = yield { kind: 'sleep', ms: res.durationMs, pid: c.pid }; if (r !== undefined) return r; }
  if (!quiet) c.err.write(`Connecting to ${hostPort} (${ipOf(h, url.host)}:${url.port})\n`);
  if ('error' in res) {
    c.err.write(res.error === 'connection refused' ? `wget: can't connect to remote host (${ipOf(h, url.host)}): Connection refused\n`
      : res.error === 'EOF' ? 'wget: error getting response: Connection reset by peer\n' : 'wget: download timed out\n');
    return 1;
  }
  if (res.status >= 400) { c.err.write(`wget: server returned error: HTTP/1.1 ${res.status} ${REASON[res.status] ?? ''}\n`); return 1; }
  if (spider) { if (!quiet) c.err.write('remote file exists\n'); return 0; }
  const file = out ?? (url.path.split('/').pop() || 'index.html');
  const size = byteLength(res.body);
  const bar = (name: string) => `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (file === '-') {
    if (!quiet) c.err.write(`writing to stdout\n${bar('-')}`);
    c.out.write(res.body);
    if (!quiet) c.err.write('written to stdout\n');
    return 0;
  }
  const path = resolvePath(c.cwd, file);
  if (!out && c.host.fs.stat(path)) { c.err.write(`wget: can't open '${file}': File exists\n`); return 1; }
  const e = c.host.fs.write(path, res.body);
  if (e) { c.err.write(`wget: can't open '${file}': ${e === 'ENOENT' ? 'No such file or directory' : e}\n`); return 1; }
  if (!quiet) c.err.write(`saving to '${file}'\n${bar(file)}'${file}' saved\n`);
  return 0;
};

const REASON: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** curl 8 (the nginx images ship it): `-s -S -f -i -I -o FILE -L`, error texts of lib/strerror.c. */
const curl: Program = function* (c) {
  const h = H(c);
  let silent = false; let showErr = false; let fail = false; let include = false; let outFile: string | undefined;
  const urls: string[] = [];
  const headers: Record<string, string> = {};
  const args = c.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-H' || a === '--header') { const [k, ...v] = (args[++i] ?? '').split(':'); headers[k.trim()] = v.join(':').trim(); }
    else if (a === '-m' || a === '--max-time' || a === '-w') i++;
    else if (a.startsWith('--')) { if (a === '--silent') silent = true; else if (a === '--fail') fail = true; else if (a === '--include') include = true; }
    else if (a.startsWith('-')) for (const f of a.slice(1)) { if (f === 's') silent = true; if (f === 'S') showErr = true; if (f === 'f') fail = true; if (f === 'i' || f === 'I') include = true; }
    else urls.push(a);
  }
  if (urls.length === 0) { c.err.write("curl: try 'curl --help' or 'curl --manual' for more information\n"); return 2; }
  const url = parseUrl(urls[0]);
  if (!url) { c.err.write(`curl: (3) URL rejected: Bad hostname\n`); return 3; }
  const res = h.request(url.host, url.port, url.path, { Host: url.explicitPort ? `${url.host}:${url.port}` : url.host, 'User-Agent': 'curl/8.14.1', Accept: '*/*', ...headers });
  const say = (code: number, msg: string) => { if (!silent || showErr) c.err.write(`curl: (${code}) ${msg}\n`); return code; };
  if (res === 'unknown host') return say(6, `Could not resolve host: ${url.host}`);
  if (res.durationMs) { const r = yield { kind: 'sleep', ms: res.durationMs, pid: c.pid }; if (r !== undefined) return r; }
  if ('error' in res) {
    return res.error === 'connection refused' ? say(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`)
      : res.error === 'EOF' ? say(52, 'Empty reply from server') : say(28, 'Operation timed out');
  }
  if (fail && res.status >= 400) return say(22, `The requested URL returned error: ${res.status}`);
  const head = include ? `HTTP/1.1 ${res.status} ${REASON[res.status] ?? ''}\r\n${Object.entries(res.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n` : '';
  if (outFile) c.host.fs.write(resolvePath(c.cwd, outFile), res.body);
  else c.out.write(head + res.body);
  return 0;
};

/** busybox nc: `nc -z [-v] HOST PORT` (connect and close), the form scripts use as a TCP check. */
const nc: Program = (c) => {
  const h = H(c);
  const flags = c.argv.slice(1).filter((a) => a.startsWith('-')).join('');
  const [host, port] = c.argv.slice(1).filter((a, i, all) => !a.startsWith('-') && !/^-w/.test(all[i - 1] ?? ''));
  if (!host || !port) { c.err.write(`BusyBox v${h.busybox} multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n`); return 1; }
  if (!isLocalHost(h, host)) {
    const r = h.request(host, Number(port), '/', {});
    if (r === 'unknown host') { c.err.write(`nc: bad address '${host}'\n`); return 1; }
    return 'error' in r && r.error !== 'EOF' ? 1 : 0;
  }
  const open = h.listening(Number(port));
  if (flags.includes('v')) c.err.write(open ? `${host} (${ipOf(h, host)}:${port}) open\n` : `nc: ${host} (${ipOf(h, host)}:${port}): Connection refused\n`);
  return open ? 0 : 1;
};

// ---- servers ----------------------------------------------------------------------------------------------

/** nginx's error_log line: `2025/09/01 09:00:00 [notice] 1#1: msg`. */
const ngx = (h: ContainerHost, pid: number, msg: string, level = 'notice') => `${strftime('%Y/%m/%d %H:%M:%S', h.now())} [${level}] ${pid}#${pid}: ${msg}\n`;
const SIGNAME: Record<string, string> = { TERM: 'SIGTERM', INT: 'SIGINT', QUIT: 'SIGQUIT', HUP: 'SIGHUP', USR1: 'SIGUSR1', WINCH: 'SIGWINCH', USR2: 'SIGUSR2' };

/** /docker-entrypoint.sh of docker-nginx ≥1.19: announces /docker-entrypoint.d/ scripts, then execs "$@". */
const dockerEntrypoint: Program = function* (c) {
  const h = H(c);
  const args = c.argv.slice(1);
  const me = c.argv[0];
  if ((args[0] === 'nginx' || args[0] === 'nginx-debug') && !c.env.NGINX_ENTRYPOINT_QUIET_LOGS) {
    const say = (s: string) => c.out.write(`${s}\n`);
    say(`${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`);
    say(`${me}: Looking for shell scripts in /docker-entrypoint.d/`);
    say(`${me}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`);
    const conf = h.fs.read('/etc/nginx/conf.d/default.conf');
    const ipv6 = '10-listen-on-ipv6-by-default.sh';
    if (/^E[A-Z]+$/.test(conf)) say(`${ipv6}: info: /etc/nginx/conf.d/default.conf is not a file or does not exist`);
    else if (!conf.includes('listen  [::]:80;') || !conf.includes('server_name  localhost;')) say(`${ipv6}: info: /etc/nginx/conf.d/default.conf differs from the packaged version`);
    else { say(`${ipv6}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`); say(`${ipv6}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`); }
    say(`${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`);
    say(`${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`);
    say(`${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`);
    say(`${me}: Configuration complete; ready for start up`);
  }
  if (args.length === 0) return 0;
  return yield* execArgs(c, args, me);
};

/** `exec "$@"` from an entrypoint script: runs argv[0] from $PATH in this process. */
function* execArgs(c: AppletCtx, argv: string[], script: string): Run {
  const found = findOnPath(c, argv[0]);
  if (!found) { c.err.write(`${script}: exec: line 47: ${argv[0]}: not found\n`); return 127; }
  return yield* c.host.run(found, { ...c, argv, ppid: c.pid, replace: true });
}

function findOnPath(c: AppletCtx, name: string): string | undefined {
  const dirs = name.includes('/') ? [''] : (c.env.PATH ?? '').split(':');
  for (const d of dirs) {
    const n = c.host.fs.stat(d ? `${d}/${name}` : resolvePath(c.cwd, name));
    if (n?.type === 'file' && n.program && n.mode & 0o111) return n.program;
  }
  return undefined;
}

/** nginx: `-v`, `-V`, `-t`, `-s stop|quit|reload|reopen`, `-g 'daemon off;'` (foreground) or a daemonising start. */
const nginx: Program = function* (c) {
  const h = H(c);
  const v = h.profile.version;
  const modern = !!h.profile.modernNginx;
  const args = c.argv.slice(1);
  const opt = (f: string) => { const i = args.indexOf(f); return i < 0 ? undefined : args[i + 1] ?? ''; };
  if (args.includes('-v')) { c.err.write(`nginx version: nginx/${v}\n`); return 0; }
  if (args.includes('-V')) { c.err.write(`nginx version: nginx/${v}\nbuilt by gcc ${c.host.userland === 'debian' ? '12.2.0 (Debian 12.2.0-14+deb12u1)' : '14.2.0 (Alpine 14.2.0)'} \n`); return 0; }
  if (args.includes('-t') || args.includes('-T')) {
    c.err.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const signal = opt('-s');
  if (signal !== undefined) {
    const sig = ({ stop: 'TERM', quit: 'QUIT', reload: 'HUP', reopen: 'USR1' } as Record<string, SignalName>)[signal];
    if (!sig) { c.err.write(`nginx: invalid option: "-s ${signal}"\n`); return 1; }
    const pidText = h.fs.read('/var/run/nginx.pid');
    if (/^E[A-Z]+$/.test(pidText)) { c.err.write(ngx(h, c.pid, 'open() "/var/run/nginx.pid" failed (2: No such file or directory)', 'error')); return 1; }
    if (modern) c.err.write(ngx(h, c.pid, 'signal process started'));
    const e = h.kill(Number(pidText.trim()), sig, c.pid);
    if (e) { c.err.write(ngx(h, c.pid, `kill(${pidText.trim()}, ${SIGNALS[sig]}) failed (3: No such process)`, 'alert')); return 1; }
    return 0;
  }
  const daemon = !/daemon\s+off\s*;/.test(opt('-g') ?? '');
  const site = nginxSiteConfig(h.fs);
  const busy = site.ports.filter((p) => h.listening(p));
  if (busy.length > 0) {
    // ngx_open_listening_sockets: five tries, 500 ms apart, then gives up.
    for (let t = 0; t < 5; t++) {
      if (t > 0) { const r = yield { kind: 'sleep', ms: 500, pid: c.pid }; if (r !== undefined) return r; }
      c.err.write(`nginx: [emerg] bind() to 0.0.0.0:${busy[0]} failed (98: Address already in use)\n`);
      if (modern) c.err.write(`nginx: [emerg] bind() to [::]:${busy[0]} failed (98: Address already in use)\n`);
    }
    c.err.write('nginx: [emerg] still could not bind()\n');
    return 1;
  }
  const argvText = c.argv.join(' ');
  if (daemon) {
    h.spawn(1, [`nginx: master process ${argvText}`], (pid) => nginxMaster(c, pid, argvText));
    return 0;
  }
  return yield* nginxMaster(c, c.pid, argvText);
};

function* nginxMaster(c: AppletCtx, pid: number, argvText: string): Run {
  const h = H(c);
  const modern = !!h.profile.modernNginx;
  const v = h.profile.version;
  const log = (p: number, msg: string) => { if (modern) c.err.write(ngx(h, p, msg)); };
  h.updateProc(pid, { argv: [`nginx: master process ${argvText}`], vszKb: modern ? 11_480 : 6_448, rss: () => (modern ? 1_650_000 : 1_020_000) });
  const started = yield { kind: 'sleep', ms: h.rand.between(modern ? 20 : 8, modern ? 60 : 25), pid };
  if (started !== undefined) return started;
  h.fs.write('/var/run/nginx.pid', `${pid}\n`);
  log(pid, 'using the "epoll" event method');
  log(pid, `nginx/${v}`);
  log(pid, `built by gcc ${c.host.userland === 'debian' ? '12.2.0 (Debian 12.2.0-14+deb12u1)' : '14.2.0 (Alpine 14.2.0)'} `);
  log(pid, 'OS: Linux 6.8.0-79-generic');
  log(pid, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  log(pid, 'start worker processes');
  let workers: number[] = [];
  const startWorkers = () => {
    const n = modern ? h.nodeCpus : 1;
    workers = [];
    for (let i = 0; i < n; i++) {
      const w = h.addProc(pid, ['nginx: worker process'], { vszKb: modern ? 11_944 : 6_904, rss: () => (modern ? 700_000 : 880_000) });
      workers.push(w);
      log(pid, `start worker process ${w}`);
    }
  };
  startWorkers();
  let connection = 0;
  const bind = () => {
    const site = nginxSiteConfig(h.fs);
    h.unlisten(pid);
    const perRequest: NginxSite = { root: site.root, index: site.index, version: v, now: 0, connection: 0, workerPid: pid, host: '' };
    for (const port of site.ports) {
      h.listen(port, {
        pid,
        get(req) {
          connection++;
          // One request's view of the site, reused: nginxServe and its answers copy what they keep.
          perRequest.failPath = h.faults.failPath;
          perRequest.now = h.now();
          perRequest.connection = connection;
          perRequest.workerPid = workers[0] ?? pid;
          perRequest.host = header(req.headers, 'Host') ?? `${h.podIP ?? 'localhost'}:${port}`;
          const ans = nginxServe(h.fs, perRequest, req);
          if (ans.errorLog) c.err.write(`${ans.errorLog}\n`);
          const now = h.now(), bytes = byteLength(ans.body);
          if (c.out.line) c.out.line(() => nginxAccessLine(req, ans.status, bytes, now));
          else c.out.write(`${nginxAccessLine(req, ans.status, bytes, now)}\n`);
          return ans;
        },
      });
    }
  };
  bind();
  const stopWorkers = (graceful: boolean) => {
    for (const w of workers) {
      if (graceful) log(w, 'gracefully shutting down');
      log(w, 'exiting');
      log(w, 'exit');
    }
    for (const w of workers) {
      log(pid, `signal 17 (SIGCHLD) received from ${w}`);
      log(pid, `worker process ${w} exited with code 0`);
      h.removeProc(w);
    }
  };
  let stopping = false;
  h.onSignal(pid, (sig, from) => {
    const by = from ? ` from ${from}` : '';
    if (sig === 'HUP') {
      log(pid, `signal 1 (SIGHUP) received${by}, reconfiguring`);
      log(pid, 'reconfiguring');
      log(pid, 'using the "epoll" event method');
      log(pid, 'start worker processes');
      const old = workers;
      startWorkers();
      const fresh = workers;
      workers = old;
      stopWorkers(true);
      workers = fresh;
      log(pid, 'signal 29 (SIGIO) received');
      bind();
      return;
    }
    if (sig === 'USR1') { log(pid, `signal 10 (SIGUSR1) received${by}, reopening logs`); log(pid, 'reopening logs'); return; }
    if (sig === 'WINCH' || stopping) return;
    if (sig !== 'TERM' && sig !== 'INT' && sig !== 'QUIT') return;
    stopping = true;
    const graceful = sig === 'QUIT';
    log(pid, `signal ${SIGNALS[sig]} (${SIGNAME[sig]}) received${by}, ${graceful ? 'shutting down' : 'exiting'}`);
    h.unlisten(pid);
    h.after(h.rand.between(2, 20), () => {
      stopWorkers(graceful);
      log(pid, 'exit');
      h.fs.remove('/var/run/nginx.pid');
      h.wake(pid, 0);
    });
  });
  const code = yield { kind: 'block', pid };
  h.unlisten(pid);
  for (const w of workers) h.removeProc(w);
  return code ?? 0;
}

/** httpd's ErrorLog line: `[Mon Sep 01 09:00:00.412345 2025] [mpm_event:notice] [pid 1:tid 139…] AH00489: …`. */
function apacheLog(h: ContainerHost, pid: number, tid: string, module: string, msg: string, seq: number): string {
  const now = h.now();
  const usec = `${String(now % 1000).padStart(3, '0')}${String((seq * 37) % 1000).padStart(3, '0')}`;
  return `[${strftime('%a %b %d %H:%M:%S', now)}.${usec} ${strftime('%Y', now)}] [${module}] [pid ${pid}:tid ${tid}] ${msg}\n`;
}

/** httpd-foreground (the httpd image's CMD): `exec httpd -DFOREGROUND "$@"`. */
const httpdForeground: Program = function* (c) {
  return yield* c.host.run('httpd', { ...c, argv: ['httpd', '-DFOREGROUND', ...c.argv.slice(1)], ppid: c.pid, replace: true });
};

/** Apache httpd 2.4 with the event MPM: AH00558 at config time, three children, graceful stop on SIGWINCH. */
const httpd: Program = function* (c) {
  const h = H(c);
  if (c.argv.includes('-v')) { c.out.write('Server version: Apache/2.4.65 (Unix)\nServer built:   Jul 23 2025 00:00:00\n'); return 0; }
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${h.podIP ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message\n`;
  c.err.write(fqdn + fqdn);
  const pid = c.pid;
  const tid = String(0x7f00_0000_0000 + h.rand.int(2 ** 28) * 4096 + 0x6c0); // pthread_self(): a thread-stack address
  let seq = 0;
  const notice = (module: string, msg: string) => c.err.write(apacheLog(h, pid, tid, module, msg, ++seq));
  h.updateProc(pid, { argv: ['httpd -DFOREGROUND'], vszKb: 5_868, rss: () => 2_400_000 });
  const started = yield { kind: 'sleep', ms: h.rand.between(40, 120), pid };
  if (started !== undefined) return started;
  const children = [0, 1, 2].map(() => h.addProc(pid, ['httpd -DFOREGROUND'], { vszKb: 1_997_000, rss: () => 1_050_000 }));
  notice('mpm_event:notice', 'AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations');
  notice('core:notice', "AH00094: Command line: 'httpd -D FOREGROUND'");
  h.listen(80, {
    pid,
    get(req) {
      const ans = httpdServe(h.fs, '/usr/local/apache2/htdocs', req, h.now(), h.faults.failPath);
      c.out.write(`${commonLogLine(req, ans.status, byteLength(ans.body), h.now())}\n`);
      return ans;
    },
  });
  let stopping = false;
  h.onSignal(pid, (sig) => {
    if (stopping) return;
    if (sig === 'HUP' || sig === 'USR1') {
      notice('mpm_event:notice', sig === 'HUP' ? 'AH00493: SIGHUP received.  Attempting to restart' : 'AH00493: SIGUSR1 received.  Doing graceful restart');
      notice('mpm_event:notice', 'AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations');
      return;
    }
    if (sig !== 'TERM' && sig !== 'WINCH' && sig !== 'INT') return;
    stopping = true;
    notice('mpm_event:notice', sig === 'WINCH' ? 'AH00492: caught SIGWINCH, shutting down gracefully' : 'AH00491: caught SIGTERM, shutting down');
    h.unlisten(pid);
    h.after(h.rand.between(5, 40), () => h.wake(pid, 0));
  });
  const code = yield { kind: 'block', pid };
  h.unlisten(pid);
  for (const ch of children) h.removeProc(ch);
  return code ?? 0;
};

/** Redis's log line (server.c serverLogRaw): `1:M 01 Sep 2025 09:00:00.123 * msg`. */
const redisLog = (h: ContainerHost, pid: number, role: string, level: string, msg: string) =>
  `${pid}:${role} ${strftime('%d %b %Y %H:%M:%S', h.now())}.${String(h.now() % 1000).padStart(3, '0')} ${level} ${msg}\n`;

/** The redis image's docker-entrypoint.sh: prepends redis-server to option-only arguments, then execs. */
const redisEntrypoint: Program = function* (c) {
  let args = c.argv.slice(1);
  if (args[0]?.startsWith('-') || args[0]?.endsWith('.conf')) args = ['redis-server', ...args];
  if (args.length === 0) return 0;
  return yield* execArgs(c, args, '/usr/local/bin/docker-entrypoint.sh');
};

const redisStores = new WeakMap<ContainerHost, Map<string, string>>();

/** redis-server: listens on 6379 (or --port), TCP only; saves and exits 0 on SIGTERM. */
const redisServer: Program = function* (c) {
  const h = H(c);
  const v = h.profile.version;
  if (c.argv.includes('-v') || c.argv.includes('--version')) { c.out.write(`Redis server v=${v} sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=${h.rand.hex(16)}\n`); return 0; }
  const portArg = c.argv.indexOf('--port');
  const port = portArg > 0 ? Number(c.argv[portArg + 1]) : 6379;
  const pid = c.pid;
  c.out.write(redisLog(h, pid, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'));
  c.out.write(redisLog(h, pid, 'C', '*', `Redis version=${v}, bits=64, commit=00000000, modified=1, pid=${pid}, just started`));
  if (c.argv.length === 1) c.out.write(redisLog(h, pid, 'C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'));
  h.updateProc(pid, { argv: [`redis-server *:${port}`], vszKb: 141_000, rss: () => 3_400_000, cpuMilli: 2 });
  const started = yield { kind: 'sleep', ms: h.rand.between(3, 15), pid };
  if (started !== undefined) return started;
  c.out.write(redisLog(h, pid, 'M', '*', 'monotonic clock: POSIX clock_gettime'));
  c.out.write(redisLog(h, pid, 'M', '*', `Running mode=standalone, port=${port}.`));
  c.out.write(redisLog(h, pid, 'M', '*', 'Server initialized'));
  c.out.write(redisLog(h, pid, 'M', '*', 'Ready to accept connections tcp'));
  redisStores.set(h, new Map());
  h.listen(port, {
    pid,
    get(req) {
      // server.c securityWarningCommand: an HTTP request line is taken for a cross-protocol attack; the connection is dropped.
      c.out.write(redisLog(h, pid, 'M', '#', `Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection from ${req.from}:${h.rand.between(32768, 60999)} aborted.`));
      return undefined;
    },
  });
  let stopping = false;
  h.onSignal(pid, (sig) => {
    if (stopping || (sig !== 'TERM' && sig !== 'INT')) return;
    stopping = true;
    c.out.write(`${pid}:signal-handler (${Math.floor(h.now() / 1000)}) Received ${SIGNAME[sig]} scheduling shutdown...\n`);
    h.after(h.rand.between(50, 110), () => {
      c.out.write(redisLog(h, pid, 'M', '*', 'User requested shutdown...'));
      c.out.write(redisLog(h, pid, 'M', '*', 'Saving the final RDB snapshot before exiting.'));
      h.fs.write(resolvePath(c.cwd, 'dump.rdb'), 'REDIS0012');
      c.out.write(redisLog(h, pid, 'M', '*', 'DB saved on disk'));
      c.out.write(redisLog(h, pid, 'M', '#', 'Redis is now ready to exit, bye bye...'));
      h.unlisten(pid);
      h.wake(pid, 0);
    });
  });
  const code = yield { kind: 'block', pid };
  h.unlisten(pid);
  return code ?? 0;
};

/** redis-cli: PING, SET, GET, DEL, DBSIZE, KEYS against this pod's redis-server. */
const redisCli: Program = (c) => {
  const h = H(c);
  const args = c.argv.slice(1);
  let port = 6379;
  let host = '127.0.0.1';
  while (args[0]?.startsWith('-')) { const f = args.shift(); const val = args.shift() ?? ''; if (f === '-p') port = Number(val); if (f === '-h') host = val; }
  if (!isLocalHost(h, host) || !h.listening(port) || !redisStores.has(h)) {
    c.out.write(`Could not connect to Redis at ${host}:${port}: Connection refused\n`);
    return 1;
  }
  const db = redisStores.get(h)!;
  const [cmd = 'ping', ...rest] = args;
  switch (cmd.toLowerCase()) {
    case 'ping': c.out.write(`${rest[0] ?? 'PONG'}\n`); return 0;
    case 'set': db.set(rest[0], rest[1] ?? ''); c.out.write('OK\n'); return 0;
    case 'get': c.out.write(`${db.get(rest[0]) ?? ''}\n`); return 0;
    case 'del': { let n = 0; for (const k of rest) if (db.delete(k)) n++; c.out.write(`${n}\n`); return 0; }
    case 'dbsize': c.out.write(`${db.size}\n`); return 0;
    case 'keys': c.out.write([...db.keys()].filter((k) => new RegExp(`^${(rest[0] ?? '*').replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(k)).map((k) => `${k}\n`).join('')); return 0;
  }
  c.out.write(`(error) ERR unknown command '${cmd}', with args beginning with: ${rest.map((r) => `'${r}' `).join('')}\n`);
  return 0;
};

/** Ports, health endpoints and start-up time of the control-plane binaries (kubeadm defaults). */
const COMPONENTS: Record<string, { ports: number[]; health: Record<string, string>; startMs: [number, number]; rss: number; cpu: number }> = {
  etcd: { ports: [2379, 2380, 2381], health: { '/health': '{"health":"true","reason":""}', '/readyz': 'ok', '/livez': 'ok' }, startMs: [300, 900], rss: 46_000_000, cpu: 18 },
  'kube-apiserver': { ports: [6443], health: { '/livez': 'ok', '/readyz': 'ok', '/healthz': 'ok' }, startMs: [4000, 9000], rss: 238_000_000, cpu: 42 },
  'kube-controller-manager': { ports: [10257], health: { '/healthz': 'ok' }, startMs: [800, 2000], rss: 52_000_000, cpu: 11 },
  'kube-scheduler': { ports: [10259], health: { '/livez': 'ok', '/readyz': 'ok', '/healthz': 'ok' }, startMs: [500, 1500], rss: 21_000_000, cpu: 3 },
  'kube-proxy': { ports: [10249, 10256], health: { '/healthz': '{"lastUpdated": "", "currentTime": ""}', '/livez': 'ok' }, startMs: [300, 800], rss: 16_000_000, cpu: 1 },
  coredns: { ports: [53, 8080, 8181, 9153], health: { '/health': 'OK', '/ready': 'OK' }, startMs: [200, 600], rss: 13_500_000, cpu: 2 },
};

/** A control-plane binary or CoreDNS: listens on its ports after start-up, answers its health paths, exits 0 on TERM. */
const component: Program = function* (c) {
  const h = H(c);
  const name = c.argv[0].split('/').pop()!.replace(/^\//, '');
  const spec = COMPONENTS[name] ?? { ports: [], health: {}, startMs: [100, 300], rss: 20_000_000, cpu: 2 };
  const pid = c.pid;
  h.updateProc(pid, { rss: () => spec.rss, vszKb: Math.round((spec.rss * 6) / 1024), cpuMilli: spec.cpu });
  const started = yield { kind: 'sleep', ms: h.rand.between(spec.startMs[0], spec.startMs[1]), pid };
  if (started !== undefined) return started;
  for (const port of spec.ports) {
    h.listen(port, {
      pid,
      get(req) {
        const body = spec.health[req.path.split('?')[0]];
        const status = h.faults.failPath === true || (body !== undefined && h.faults.failPath === req.path) ? 500 : body === undefined ? 404 : 200;
        const text = status === 200 ? body : status === 500 ? 'internal server error' : '404 page not found\n';
        return { status, body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(byteLength(text)) } };
      },
    });
  }
  h.onSignal(pid, (sig) => {
    if (sig !== 'TERM' && sig !== 'INT') return;
    if (name === 'coredns') c.out.write('[INFO] SIGTERM: Shutting down servers then terminating\n');
    h.unlisten(pid);
    h.after(h.rand.between(20, 200), () => h.wake(pid, 0));
  });
  const code = yield { kind: 'block', pid };
  h.unlisten(pid);
  return code ?? 0;
};

/** Every program a file's `program` tag can name. */
export const PROGRAMS: Record<string, Program> = {
  ...(APPLETS as Record<string, Program>),
  sh, ps, top, free, kill, wget, curl, nc,
  nginx, 'docker-entrypoint': dockerEntrypoint, 'httpd-foreground': httpdForeground, httpd,
  'redis-entrypoint': redisEntrypoint, 'redis-server': redisServer, 'redis-cli': redisCli,
  'stress-ng': stressNg, component,
};

