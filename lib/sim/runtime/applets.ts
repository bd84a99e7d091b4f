/**
 * The file and text utilities a container image ships: busybox applets (busybox, Alpine) or GNU coreutils (Debian).
 * Behaviour and messages follow busybox's coreutils/*.c (`can't open 'x'`) and GNU coreutils (`cannot access 'x'`);
 * each applet picks its wording from the image's userland. Applets that need the container (ps, top, wget,
 * servers) live in programs.ts.
 */
import { resolvePath, strerror, type Errno, type FileSystem, type FsNode } from './fs';
import type { Userland } from './rootfs';
import type { Host, ProgramCtx, Run } from './sh/interp';

/** What an applet runs with: its process context, the container, its PID. */
export interface AppletCtx extends ProgramCtx {
  host: Host;
  pid: number;
  /** Run as a shell builtin rather than a program on $PATH (dash's echo differs from /bin/echo). */
  builtin?: boolean;
}
export type Applet = (c: AppletCtx) => number | Run;

const isErr = (x: unknown): x is Errno => typeof x === 'string' && x in strerror && /^E[A-Z]+$/.test(x);
const gnu = (c: AppletCtx) => c.host.userland === 'debian';
const name = (c: AppletCtx) => c.argv[0].split('/').pop()!;
const path = (c: AppletCtx, p: string) => resolvePath(c.cwd, p);

/** Splits `-abc` style flags (until `--` or the first operand) from operands. */
function opts(argv: string[], withValue = ''): { flags: Set<string>; values: Map<string, string>; args: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const args: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('--')) { flags.add(a); continue; }
    for (let j = 1; j < a.length; j++) {
      if (withValue.includes(a[j])) {
        values.set(a[j], a.slice(j + 1) || argv[++i] || '');
        break;
      }
      flags.add(a[j]);
    }
  }
  args.push(...argv.slice(i));
  return { flags, values, args };
}

/** Reads operands (or stdin for none / `-`) with the applet's error wording; calls `each` with contents. */
function inputs(c: AppletCtx, files: string[], each: (data: string, file: string) => void, bbCant = true): number {
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    if (f === '-') { each(c.stdin, ''); continue; }
    const data = c.host.fs.read(path(c, f));
    if (isErr(data)) {
      status = 1;
      if (gnu(c)) c.err.write(['head', 'tail'].includes(name(c)) ? `${name(c)}: cannot open '${f}' for reading: ${strerror[data]}\n` : `${name(c)}: ${f}: ${strerror[data]}\n`);
      else if (data === 'EISDIR') c.err.write(`${name(c)}: read error: ${strerror[data]}\n`);
      else c.err.write(bbCant ? `${name(c)}: can't open '${f}': ${strerror[data]}\n` : `${name(c)}: ${f}: ${strerror[data]}\n`);
      continue;
    }
    each(data, f);
  }
  return status;
}

/** Backslash escapes of `echo -e` / `printf` (XSI): \n \t \\ \c (stop) \0NNN. */
function escapes(s: string): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i === s.length - 1) { text += s[i]; continue; }
    const e = s[++i];
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' };
    if (e === 'c') return { text, stop: true };
    if (e in map) text += map[e];
    else if (e === '0') { const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0]; text += String.fromCharCode(parseInt(m || '0', 8)); i += m.length; }
    else text += `\\${e}`;
  }
  return { text, stop: false };
}

const echo: Applet = (c) => {
  let i = 1;
  let newline = true;
  // dash's builtin echo always interprets escapes and knows only -n; busybox and coreutils echo take -n -e -E.
  let interpret = gnu(c) && !!c.builtin;
  for (; i < c.argv.length && /^-[neE]+$/.test(c.argv[i]); i++) {
    for (const f of c.argv[i].slice(1)) { if (f === 'n') newline = false; else interpret = f === 'e'; }
  }
  const r = interpret ? escapes(c.argv.slice(i).join(' ')) : { text: c.argv.slice(i).join(' '), stop: false };
  c.out.write(r.text + (newline && !r.stop ? '\n' : ''));
  return 0;
};

const printf: Applet = (c) => {
  const [fmt, ...args] = c.argv.slice(1);
  if (fmt === undefined) { c.err.write(gnu(c) ? 'printf: missing operand\n' : 'printf: usage: printf FORMAT [ARGUMENT...]\n'); return 1; }
  let out = '';
  let k = 0;
  do {
    const start = k;
    out += fmt.replace(/%([-0 +#]*[0-9]*(?:\.[0-9]+)?)([sdiuxXoc%b])/g, (_m, spec: string, conv: string) => {
      if (conv === '%') return '%';
      const a = args[k++] ?? '';
      let s = conv === 's' || conv === 'b' ? (conv === 'b' ? escapes(a).text : a)
        : conv === 'c' ? a.slice(0, 1)
        : (() => { const n = Number.parseInt(a, 10) || 0; return conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : conv === 'o' ? n.toString(8) : String(n); })();
      const width = Number(/[0-9]+/.exec(spec.split('.')[0])?.[0] ?? 0);
      if (spec.includes('.') && conv === 's') s = s.slice(0, Number(spec.split('.')[1]));
      return spec.includes('-') ? s.padEnd(width) : s.padStart(width, spec.startsWith('0') && conv !== 's' ? '0' : ' ');
    });
    if (k === start) break;
  } while (k < args.length);
  c.out.write(escapes(out).text);
  return 0;
};

/**
 * `test` / `[` (XCU test): unary file and string tests, binary string and integer comparisons, `!`, `-a`, `-o`.
 * Errors exit 2 in the wording of busybox coreutils/test.c (`sh: a: bad number` as an ash builtin), dash's
 * builtin (`sh: 1: [: Illegal number: a`) or GNU coreutils (`[: a: integer expression expected`).
 */
const test: Applet = (c) => {
  let args = c.argv.slice(1);
  const n = name(c);
  const fail = (kind: 'number' | 'bracket' | 'operator' | 'syntax', arg = '') => {
    const msg = gnu(c)
      ? (c.builtin
        ? `sh: 1: ${n}: ${{ number: `Illegal number: ${arg}`, bracket: 'missing ]', operator: `${arg}: unexpected operator`, syntax: `${arg}: unexpected operator` }[kind]}`
        : `${n}: ${{ number: `${arg}: integer expression expected`, bracket: "missing ']'", operator: `${arg}: unary operator expected`, syntax: 'too many arguments' }[kind]}`)
      : `${c.builtin ? 'sh' : n}: ${{ number: `${arg}: bad number`, bracket: 'missing ]', operator: `${arg}: unknown operand`, syntax: 'syntax error' }[kind]}`;
    throw new Error(msg);
  };
  const fs = c.host.fs;
  const int = (s: string): number => (/^\s*-?[0-9]+\s*$/.test(s) ? Number(s) : fail('number', s));
  const unary = (op: string, a: string): boolean | undefined => {
    const node = ['-z', '-n'].includes(op) ? undefined : fs.stat(path(c, a));
    switch (op) {
      case '-e': return !!node;
      case '-f': return node?.type === 'file';
      case '-d': return node?.type === 'dir';
      case '-s': return node?.type === 'file' ? node.data.length > 0 : node?.type === 'dir';
      case '-r': case '-w': return !!node;
      case '-x': return !!node && (node.mode & 0o111) !== 0;
      case '-L': case '-h': case '-p': case '-S': case '-b': case '-c': return false;
      case '-z': return a.length === 0;
      case '-n': return a.length > 0;
    }
    return undefined;
  };
  const binary = (a: string, op: string, b: string): boolean | undefined => {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return int(a) === int(b);
      case '-ne': return int(a) !== int(b);
      case '-lt': return int(a) < int(b);
      case '-le': return int(a) <= int(b);
      case '-gt': return int(a) > int(b);
      case '-ge': return int(a) >= int(b);
    }
    return undefined;
  };
  const prim = (xs: string[]): boolean => {
    if (xs.length === 0) return false;
    if (xs[0] === '!') return !prim(xs.slice(1));
    if (xs.length === 1) return xs[0].length > 0;
    if (xs.length === 2) return unary(xs[0], xs[1]) ?? fail('operator', xs[0]);
    if (xs.length === 3) { const r = binary(xs[0], xs[1], xs[2]); if (r !== undefined) return r; }
    return fail('syntax', xs[1]);
  };
  const expr = (xs: string[]): boolean => {
    const o = xs.lastIndexOf('-o');
    if (o > 0) return expr(xs.slice(0, o)) || expr(xs.slice(o + 1));
    const a = xs.lastIndexOf('-a');
    if (a > 0) return expr(xs.slice(0, a)) && expr(xs.slice(a + 1));
    return prim(xs);
  };
  try {
    if (n === '[') {
      if (args[args.length - 1] !== ']') fail('bracket');
      args = args.slice(0, -1);
    }
    return expr(args) ? 0 : 1;
  } catch (e) {
    c.err.write(`${(e as Error).message}\n`);
    return 2;
  }
};

const cat: Applet = (c) => {
  const { args } = opts(c.argv);
  return inputs(c, args, (d) => c.out.write(d));
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime for UTC (the container's TZ is unset: UTC). */
export function strftime(fmt: string, ms: number): string {
  // Every log line and HTTP Date header formats the clock; within one second the text cannot change.
  const second = Math.floor(ms / 1000);
  let byFmt = strftimeMemo.get(fmt);
  if (!byFmt) strftimeMemo.set(fmt, byFmt = new Map());
  let text = byFmt.get(second);
  if (text === undefined) {
    if (byFmt.size >= 64) byFmt.clear();
    text = formatTime(fmt, ms);
    byFmt.set(second, text);
  }
  return text;
}
const strftimeMemo = new Map<string, Map<number, string>>();

function formatTime(fmt: string, ms: number): string {
  const d = new Date(ms);
  return fmt.replace(/%([a-zA-Z%])/g, (m, f: string) => {
    switch (f) {
      case 'a': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()];
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return p2(d.getUTCHours());
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, '0');
      case 's': return String(Math.floor(ms / 1000));
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'D': return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
    }
    return m;
  });
}

const date: Applet = (c) => {
  const fmt = c.argv.slice(1).find((a) => a.startsWith('+'));
  // busybox and coreutils in the C locale: `Mon Sep  1 09:00:00 UTC 2025`.
  c.out.write(`${strftime(fmt ? fmt.slice(1) : '%a %b %e %H:%M:%S %Z %Y', c.host.now())}\n`);
  return 0;
};

/** Parses sleep's operand: seconds with an optional s/m/h/d suffix, or `inf`/`infinity`. */
function parseSleep(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]! * 1000;
}

const sleep: Applet = function* (c) {
  const ops = c.argv.slice(1);
  if (ops.length === 0) { c.err.write(gnu(c) ? "sleep: missing operand\nTry 'sleep --help' for more information.\n" : 'sleep: missing operand\n'); return 1; }
  let ms = 0;
  for (const a of ops) {
    const v = parseSleep(a);
    if (v === undefined) {
      c.err.write(gnu(c) ? `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n` : `sleep: invalid number '${a}'\n`);
      return 1;
    }
    ms += v;
  }
  const r = ms === Infinity
    ? yield { kind: 'block', pid: c.pid }
    : yield { kind: 'sleep', ms: Math.round(ms), pid: c.pid, background: c.background || ms > 3_600_000 };
  return r ?? 0;
};

const touch: Applet = (c) => {
  const { flags, args } = opts(c.argv, 'dtr');
  let status = 0;
  for (const f of args) {
    const p = path(c, f);
    if (c.host.fs.stat(p)) { c.host.fs.touch(p); continue; }
    if (flags.has('c')) continue;
    const e = c.host.fs.write(p, '');
    if (e) { status = 1; c.err.write(gnu(c) ? `touch: cannot touch '${f}': ${strerror[e]}\n` : `touch: ${f}: ${strerror[e]}\n`); }
  }
  return status;
};

const rm: Applet = (c) => {
  const { flags, args } = opts(c.argv);
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  if (args.length === 0 && !force) { c.err.write(gnu(c) ? "rm: missing operand\nTry 'rm --help' for more information.\n" : 'rm: missing operand\n'); return 1; }
  let status = 0;
  for (const f of args) {
    const p = path(c, f);
    const n = c.host.fs.stat(p);
    if (n?.type === 'dir' && !recursive) {
      c.err.write(gnu(c) ? `rm: cannot remove '${f}': Is a directory\n` : `rm: '${f}' is a directory\n`);
      status = 1;
      continue;
    }
    const e = c.host.fs.remove(p, true);
    if (e && !(e === 'ENOENT' && force)) {
      c.err.write(gnu(c) ? `rm: cannot remove '${f}': ${strerror[e]}\n` : `rm: can't remove '${f}': ${strerror[e]}\n`);
      status = 1;
    }
  }
  return status;
};

const rmdir: Applet = (c) => {
  let status = 0;
  for (const f of opts(c.argv).args) {
    const n = c.host.fs.stat(path(c, f));
    const e = !n ? 'ENOENT' : n.type !== 'dir' ? 'ENOTDIR' : c.host.fs.remove(path(c, f), false);
    if (e) { status = 1; c.err.write(gnu(c) ? `rmdir: failed to remove '${f}': ${strerror[e]}\n` : `rmdir: '${f}': ${strerror[e]}\n`); }
  }
  return status;
};

const mkdir: Applet = (c) => {
  const { flags, args } = opts(c.argv, 'm');
  let status = 0;
  for (const f of args) {
    const e = c.host.fs.mkdir(path(c, f), flags.has('p'));
    if (e) { status = 1; c.err.write(gnu(c) ? `mkdir: cannot create directory '${f}': ${strerror[e]}\n` : `mkdir: can't create directory '${f}': ${strerror[e]}\n`); }
  }
  return status;
};

function copyTree(fs: FileSystem, from: string, to: string): Errno | undefined {
  const n = fs.stat(from);
  if (!n) return 'ENOENT';
  if (n.type === 'file') return fs.write(to, n.data, { mode: n.mode });
  const e = fs.mkdir(to, true);
  if (e) return e;
  const names = fs.list(from);
  if (typeof names === 'string') return names;
  for (const name of names) { const e2 = copyTree(fs, `${from}/${name}`, `${to}/${name}`); if (e2) return e2; }
  return undefined;
}

/** cp and mv: operands are sources then a destination (a directory receives them by name). */
function copyMove(c: AppletCtx, move: boolean): number {
  const { flags, args } = opts(c.argv);
  const n = name(c);
  if (args.length < 2) { c.err.write(`${n}: missing destination file operand after '${args[0] ?? ''}'\n`); return 1; }
  const fs = c.host.fs;
  const dest = path(c, args[args.length - 1]);
  const destIsDir = fs.stat(dest)?.type === 'dir';
  let status = 0;
  for (const s of args.slice(0, -1)) {
    const from = path(c, s);
    const node = fs.stat(from);
    const to = destIsDir ? `${dest === '/' ? '' : dest}/${from.split('/').pop()}` : dest;
    let e: Errno | undefined = node ? undefined : 'ENOENT';
    if (!e && node?.type === 'dir' && !move && !flags.has('r') && !flags.has('R') && !flags.has('a')) {
      c.err.write(gnu(c) ? `cp: -r not specified; omitting directory '${s}'\n` : `cp: omitting directory '${s}'\n`);
      status = 1;
      continue;
    }
    if (!e) e = copyTree(fs, from, to);
    if (!e && move) e = fs.remove(from, true);
    if (e) { status = 1; c.err.write(gnu(c) ? `${n}: cannot stat '${s}': ${strerror[e]}\n` : `${n}: can't stat '${s}': ${strerror[e]}\n`); }
  }
  return status;
}

const chmod: Applet = (c) => {
  const [mode, ...files] = c.argv.slice(1).filter((a) => a !== '-R');
  let status = 0;
  for (const f of files) {
    const n = c.host.fs.stat(path(c, f));
    if (!n) { status = 1; c.err.write(gnu(c) ? `chmod: cannot access '${f}': No such file or directory\n` : `chmod: ${f}: No such file or directory\n`); continue; }
    let m = n.mode;
    if (/^[0-7]+$/.test(mode)) m = parseInt(mode, 8);
    else for (const clause of mode.split(',')) {
      const cm = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
      if (!cm) continue;
      const who = cm[1] || 'a';
      let bits = 0;
      for (const p of cm[3]) bits |= { r: 0o444, w: 0o222, x: 0o111 }[p as 'r' | 'w' | 'x'];
      let mask = 0;
      for (const w of who) mask |= { u: 0o700, g: 0o070, o: 0o007, a: 0o777 }[w as 'u' | 'g' | 'o' | 'a'];
      bits &= mask;
      m = cm[2] === '+' ? m | bits : cm[2] === '-' ? m & ~bits : (m & ~mask) | bits;
    }
    c.host.fs.chmod(path(c, f), m);
  }
  return status;
};

function modeString(n: FsNode): string {
  let s = n.type === 'dir' ? 'd' : '-';
  for (let i = 8; i >= 0; i--) s += (n.mode >> i) & 1 ? 'rwx'[(8 - i) % 3] : '-';
  if (n.mode & 0o1000) s = `${s.slice(0, 9)}${s[9] === 'x' ? 't' : 'T'}`;
  return s;
}

const ls: Applet = (c) => {
  const { flags, args } = opts(c.argv);
  const fs = c.host.fs;
  const long = flags.has('l');
  const all = flags.has('a');
  const targets = args.length ? args : ['.'];
  let status = 0;
  const byteLen = (s: string) => new TextEncoder().encode(s).length;
  const render = (entries: [string, FsNode][], dir: boolean): string => {
    if (!long) return entries.map(([n]) => `${n}\n`).join('');
    const size = (n: FsNode) => (n.type === 'dir' ? 4096 : byteLen(n.data));
    const when = (n: FsNode) => {
      const recent = Math.abs(c.host.now() - n.mtime) < 182 * 86_400_000;
      return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', n.mtime);
    };
    if (!gnu(c)) {
      // busybox coreutils/ls.c: "%-10s %4lu %-8.8s %-8.8s %9llu %s".
      return entries.map(([nm, n]) => `${modeString(n)} ${String(n.type === 'dir' ? 2 : 1).padStart(4)} root     root     ${String(size(n)).padStart(9)} ${when(n)} ${nm}\n`).join('');
    }
    const w = Math.max(...entries.map(([, n]) => String(size(n)).length), 1);
    const total = entries.reduce((t, [, n]) => t + Math.ceil(size(n) / 4096) * 4, 0);
    return (dir ? `total ${total}\n` : '') + entries.map(([nm, n]) => `${modeString(n)} ${n.type === 'dir' ? 2 : 1} root root ${String(size(n)).padStart(w)} ${when(n)} ${nm}\n`).join('');
  };
  const files: [string, FsNode][] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const n = fs.stat(path(c, t));
    if (!n) {
      c.err.write(gnu(c) ? `ls: cannot access '${t}': No such file or directory\n` : `ls: ${t}: No such file or directory\n`);
      status = gnu(c) ? 2 : 1;
    } else if (n.type === 'dir' && !flags.has('d')) dirs.push(t);
    else files.push([t, n]);
  }
  let out = files.length ? render(files, false) : '';
  for (const d of dirs) {
    const p = path(c, d);
    const names = fs.list(p) as string[];
    const entries: [string, FsNode][] = names.filter((n) => all || !n.startsWith('.')).map((n) => [n, fs.stat(`${p === '/' ? '' : p}/${n}`)!]);
    if (all) entries.unshift(['.', fs.stat(p)!], ['..', fs.stat(resolvePath(p, '..'))!]);
    if (targets.length > 1) out += `${out ? '\n' : ''}${d}:\n`;
    out += render(entries, true);
  }
  c.out.write(out);
  return status;
};

const head: Applet = (c) => {
  const argv = c.argv.map((a, i) => (i > 0 && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
  const { values, args } = opts(argv, 'nc');
  const n = Number(values.get('n') ?? 10);
  const tailMode = name(c) === 'tail';
  return inputs(c, args, (d, f) => {
    if (args.length > 1) c.out.write(`==> ${f} <==\n`);
    const lines = d.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const pick = tailMode ? lines.slice(Math.max(0, lines.length - n)) : lines.slice(0, n);
    c.out.write(pick.map((l) => `${l}\n`).join(''));
  }, false);
};

const wc: Applet = (c) => {
  const { flags, args } = opts(c.argv);
  const sel = ['l', 'w', 'c'].filter((f) => flags.has(f) || (f === 'c' && flags.has('m')));
  const show = sel.length ? sel : ['l', 'w', 'c'];
  const totals: Record<string, number> = { l: 0, w: 0, c: 0 };
  const rows: [Record<string, number>, string][] = [];
  const status = inputs(c, args, (d, f) => {
    const counts: Record<string, number> = { l: (d.match(/\n/g) ?? []).length, w: d.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(d).length };
    for (const k of show) totals[k] += counts[k];
    rows.push([counts, f]);
  }, false);
  if (rows.length > 1) rows.push([totals, 'total']);
  // busybox coreutils/wc.c: "%9u" then " %9u" per count, bare "%u" for one count of at most one file.
  // coreutils wc.c: counts padded to the width of the largest total (7 when reading a pipe), bare for a lone count.
  const lone = show.length === 1 && args.length <= 1;
  const width = lone ? 0 : gnu(c) ? (args.length === 0 ? 7 : String(totals.c).length) : 9;
  for (const [r, f] of rows) {
    c.out.write(`${show.map((k) => String(r[k]).padStart(width)).join(' ')}${f ? ` ${f}` : ''}\n`);
  }
  return status;
};

const grep: Applet = (c) => {
  const { flags, values, args } = opts(c.argv, 'e');
  const pattern = values.get('e') ?? args.shift();
  if (pattern === undefined) { c.err.write(gnu(c) ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" : 'grep: no pattern\n'); return 2; }
  const extended = flags.has('E') || name(c) === 'egrep';
  const src = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    : extended ? pattern : pattern.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, esc: string, lit: string) => (esc ? esc : `\\${lit}`));
  let re: RegExp;
  try { re = new RegExp(flags.has('w') ? `\\b(?:${src})\\b` : flags.has('x') ? `^(?:${src})$` : src, flags.has('i') ? 'i' : ''); }
  catch { c.err.write('grep: bad regex\n'); return 2; }
  let matched = 0;
  const status = inputs(c, args, (d, f) => {
    const lines = d.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let count = 0;
    lines.forEach((l, i) => {
      if (re.test(l) === flags.has('v')) return;
      count++;
      if (!flags.has('q') && !flags.has('c') && !flags.has('l')) c.out.write(`${args.length > 1 ? `${f}:` : ''}${flags.has('n') ? `${i + 1}:` : ''}${l}\n`);
    });
    if (flags.has('c')) c.out.write(`${args.length > 1 ? `${f}:` : ''}${count}\n`);
    if (flags.has('l') && count) c.out.write(`${f || '(standard input)'}\n`);
    matched += count;
  }, false);
  if (status && !flags.has('s')) return 2;
  return matched > 0 ? 0 : 1;
};

const env: Applet = (c) => {
  const argv = c.argv.slice(1);
  const vars = { ...c.env };
  let i = 0;
  for (; i < argv.length && argv[i].includes('=') && !argv[i].startsWith('='); i++) { const eq = argv[i].indexOf('='); vars[argv[i].slice(0, eq)] = argv[i].slice(eq + 1); }
  if (i < argv.length) {
    const program = findProgram(c.host.fs, c.host.userland, argv[i], vars.PATH ?? '', c.cwd);
    if (program) return c.host.run(program, { ...c, argv: argv.slice(i), env: vars, ppid: c.pid, replace: true });
    c.err.write(gnu(c) ? `env: '${argv[i]}': No such file or directory\n` : `env: can't execute '${argv[i]}': No such file or directory\n`);
    return 127;
  }
  c.out.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

/** The program tag `cmd` resolves to on `path`, if any. */
function findProgram(fs: FileSystem, userland: Userland, cmd: string, pathVar: string, cwd: string): string | undefined {
  const dirs = cmd.includes('/') ? [''] : pathVar.split(':').filter(Boolean);
  for (const d of dirs) {
    let p = d ? `${d}/${cmd}` : resolvePath(cwd, cmd);
    if (!fs.stat(p) && userland === 'debian' && /^\/s?bin\//.test(p)) p = `/usr${p}`;
    const n = fs.stat(p);
    if (n?.type === 'file' && n.program && (n.mode & 0o111)) return n.program;
  }
  return undefined;
}

const printenv: Applet = (c) => {
  const names = c.argv.slice(1);
  if (names.length === 0) { c.out.write(Object.entries(c.env).map(([k, v]) => `${k}=${v}\n`).join('')); return 0; }
  let status = 0;
  for (const n of names) { if (n in c.env) c.out.write(`${c.env[n]}\n`); else status = 1; }
  return status;
};

/** The busybox multi-call binary: `busybox CMD ARGS` runs an applet; bare `busybox` prints its banner. */
const busybox: Applet = (c) => {
  if (c.argv.length > 1 && !c.argv[1].startsWith('-')) return c.host.run(c.argv[1], { ...c, argv: c.argv.slice(1), ppid: c.pid, replace: true });
  c.out.write(`BusyBox v${c.host.busybox ?? '1.37.0'} multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2.\n`
    + 'See source distribution for detailed copyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n'
    + '   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n');
  return 0;
};

const uname: Applet = (c) => {
  const { flags } = opts(c.argv);
  const fields = { s: 'Linux', n: c.host.hostname, r: '6.8.0-79-generic', v: '#79-Ubuntu SMP PREEMPT_DYNAMIC Tue Aug 12 14:42:46 UTC 2025', m: 'x86_64', o: 'GNU/Linux' };
  const sel = flags.has('a') ? ['s', 'n', 'r', 'v', 'm', 'o'] : ['s', 'n', 'r', 'v', 'm', 'o'].filter((f) => flags.has(f));
  c.out.write(`${(sel.length ? sel : ['s']).map((f) => fields[f as keyof typeof fields]).join(' ')}\n`);
  return 0;
};

/** Applets by program tag. */
export const APPLETS: Record<string, Applet> = {
  echo, printf, test, '[': test, cat, date, sleep, touch, rm, rmdir, mkdir, chmod, ls, head, tail: head, wc, grep, env, printenv, busybox, uname,
  cp: (c) => copyMove(c, false),
  mv: (c) => copyMove(c, true),
  true: () => 0,
  false: () => 1,
  pwd: (c) => { c.out.write(`${c.cwd}\n`); return 0; },
  hostname: (c) => { c.out.write(`${c.host.hostname}\n`); return 0; },
  id: (c) => { c.out.write(gnu(c) ? 'uid=0(root) gid=0(root) groups=0(root)\n' : 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n'); return 0; },
  whoami: (c) => { c.out.write('root\n'); return 0; },
};

