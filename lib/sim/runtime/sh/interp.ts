/**
 * A resumable POSIX-sh interpreter (busybox ash / dash semantics) over a container's filesystem. Every command is
 * a generator: `sleep` yields `{ kind: 'sleep' }` and the caller (the container's thread driver) resumes it when
 * the virtual clock gets there, so a script's state survives between timers without any host threads.
 * Shell builtins live here; programs found on $PATH are run through the `Host` (container.ts).
 */
import { resolvePath, strerror, type Errno, type FileSystem } from '../fs';
import type { Userland } from '../rootfs';
import { APPLETS } from '../applets';
import { parseScript, ShSyntaxError, type Command, type List, type Pipeline, type Redir, type Word } from './parse';

/** What a running command waits for. `pid` is the waiting process: a signal to it resumes the wait early. */
export type Wait =
  | { kind: 'sleep'; ms: number; pid: number; background?: boolean }
  | { kind: 'block'; pid: number; spin?: boolean };
/** A running command: yields waits, is resumed with `undefined` (done waiting) or an exit status (killed), returns its status. */
export type Run = Generator<Wait, number, number | undefined>;

export type SignalName = 'TERM' | 'KILL' | 'INT' | 'HUP' | 'QUIT' | 'WINCH' | 'USR1' | 'USR2';
/** Linux signal numbers (exit status of a process a signal ends: 128 + n). */
export const SIGNALS: Record<SignalName, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, WINCH: 28 };

export interface Sink {
  write(s: string): void;
  /**
   * Writes one whole line, formatted only if someone reads it (a container's log: a server logs every request,
   * every probe, and most of those lines are never looked at). Sinks without it get `make()` + newline.
   */
  line?(make: () => string): void;
}

/** How a program is started: argv, streams, environment, parent process. */
export interface ProgramCtx {
  argv: string[];
  stdin: string;
  out: Sink;
  err: Sink;
  env: Record<string, string>;
  cwd: string;
  ppid: number;
  /** `exec`: the program takes over the caller's PID instead of forking a child. */
  replace: boolean;
  /** Its timers are background work (it runs inside an endless loop). */
  background?: boolean;
}

/** The container as the shell sees it. */
export interface Host {
  fs: FileSystem;
  userland: Userland;
  /** The UTS hostname (the pod name). */
  hostname: string;
  /** busybox version of a busybox or Alpine userland. */
  busybox?: string;
  /** Now, ms (the clock plus the simulated time an exec has already spent). */
  now(): number;
  /** Counts one command; false once the thread has run too many commands without waiting (a busy loop). */
  tick(): boolean;
  /** Runs the executable `program` (the tag of a file on $PATH). */
  run(program: string, ctx: ProgramCtx): Run;
  /** Starts `body` as a background process (`cmd &`; argv undefined: a forked copy of the parent); returns its PID. */
  spawn(ppid: number, argv: string[] | undefined, body: (pid: number) => Run): number;
  /** Sends a signal from process `from` inside the container (`kill`); returns an error text or undefined. */
  kill(pid: number, sig: SignalName, from: number): string | undefined;
  /**
   * Installs (or, with undefined, removes) the handler for the signals in `handles` (default: all but KILL) sent to
   * `pid`. Other signals take their default action — except for PID 1, which the kernel shields from them.
   */
  onSignal(pid: number, handler: ((sig: SignalName, from: number) => void) | undefined, handles?: SignalName[]): void;
}

/** A command's standard streams: stdin as text (read to EOF), stdout and stderr as sinks. */
export interface Frame { stdin: string; out: Sink; err: Sink }

/** Which shell's wording: busybox ash, Debian's dash, or bash. */
export type Dialect = 'ash' | 'dash' | 'bash';

/** One shell process's state. */
export interface Shell {
  host: Host;
  dialect: Dialect;
  pid: number;
  arg0: string;
  args: string[];
  vars: Map<string, string>;
  exported: Set<string>;
  cwd: string;
  status: number;
  lastBg?: number;
  /** Set by `exit`: the shell unwinds and ends with this status. */
  exiting?: number;
  loopCtl?: { kind: 'break' | 'continue'; n: number };
  traps: Map<string, string>;
  pending: SignalName[];
  /** Inside `while true`-style loops sleeps are background timers (the loop never finishes on its own). */
  endless: number;
}

/** A shell for `pid` with the given environment (all exported). */
export function createShell(host: Host, pid: number, env: Record<string, string>, opts: { arg0?: string; args?: string[]; cwd?: string; dialect?: Dialect } = {}): Shell {
  const vars = new Map(Object.entries(env));
  return {
    host, pid, dialect: opts.dialect ?? (host.userland === 'debian' ? 'dash' : 'ash'), arg0: opts.arg0 ?? 'sh', args: opts.args ?? [], vars, exported: new Set(vars.keys()), cwd: opts.cwd ?? '/', status: 0,
    traps: new Map(), pending: [], endless: 0,
  };
}

const isDash = (sh: Shell) => sh.dialect !== 'ash';
/** The shell's own error prefix: `sh: ` (ash, bash -c) or `sh: 1: ` (dash names the line). */
const prefix = (sh: Shell) => sh.dialect === 'dash' ? `${sh.arg0}: 1: ` : `${sh.arg0}: `;

/** The exported variables, as a child process's environment. */
function environ(sh: Shell): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of sh.exported) { const v = sh.vars.get(k); if (v !== undefined) env[k] = v; }
  return env;
}

/** The syntax error message ash or dash prints for `e`. */
function syntaxMessage(sh: Shell, e: ShSyntaxError): string {
  if (isDash(sh)) {
    return e.unterminated ? `${prefix(sh)}Syntax error: Unterminated quoted string\n`
      : `${prefix(sh)}Syntax error: ${e.token} unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`;
  }
  return e.unterminated ? `${prefix(sh)}syntax error: unterminated quoted string\n`
    : `${prefix(sh)}syntax error: unexpected ${e.token}${e.expecting ? ` (expecting "${e.expecting}")` : ''}\n`;
}

const parseCache = new Map<string, List | ShSyntaxError>();
/** Parses with a small cache (probes run the same script every period). */
function parseCached(src: string): List | ShSyntaxError {
  let r = parseCache.get(src);
  if (!r) {
    try { r = parseScript(src); } catch (e) { if (e instanceof ShSyntaxError) r = e; else throw e; }
    if (parseCache.size > 200) parseCache.clear();
    parseCache.set(src, r);
  }
  return r;
}

/** Runs a script text in `sh`; `tail` lets its last command replace the shell (`sh -c` exec optimisation). */
export function* runScript(sh: Shell, src: string, io: Frame, tail = false): Run {
  const ast = parseCached(src);
  if (ast instanceof ShSyntaxError) {
    io.err.write(syntaxMessage(sh, ast));
    return (sh.status = 2);
  }
  const status = yield* runList(sh, ast, io, tail);
  if (sh.traps.has('EXIT')) {
    const trap = sh.traps.get('EXIT')!;
    sh.traps.delete('EXIT');
    const saved = sh.exiting;
    sh.exiting = undefined;
    yield* runScript(sh, trap, io);
    sh.exiting = saved;
  }
  return sh.exiting ?? status;
}

function* runList(sh: Shell, list: List, io: Frame, tail: boolean): Run {
  let status = sh.status;
  for (let i = 0; i < list.items.length; i++) {
    const { ao, bg } = list.items[i];
    if (bg) {
      const child: Shell = { ...sh, vars: new Map(sh.vars), exported: new Set(sh.exported), traps: new Map(), pending: [] };
      sh.lastBg = sh.host.spawn(sh.pid, undefined, function* (pid) {
        child.pid = pid;
        return yield* runAndOr(child, ao, io, false);
      });
      status = sh.status = 0;
    } else {
      status = yield* runAndOr(sh, ao, io, tail && i === list.items.length - 1);
    }
    if (sh.exiting !== undefined || sh.loopCtl) break;
  }
  return status;
}

function* runAndOr(sh: Shell, ao: { first: Pipeline; rest: { op: '&&' | '||'; p: Pipeline }[] }, io: Frame, tail: boolean): Run {
  let status = yield* runPipeline(sh, ao.first, io, tail && ao.rest.length === 0);
  for (let i = 0; i < ao.rest.length; i++) {
    if (sh.exiting !== undefined || sh.loopCtl) break;
    const { op, p } = ao.rest[i];
    if ((op === '&&') !== (status === 0)) continue;
    status = yield* runPipeline(sh, p, io, tail && i === ao.rest.length - 1);
  }
  return status;
}

function* runPipeline(sh: Shell, p: Pipeline, io: Frame, tail: boolean): Run {
  let stdin = io.stdin;
  let status = 0;
  if (p.cmds.length === 1) {
    // The frame is shared, not copied: `read` in a loop consumes the loop's stdin line by line.
    status = yield* runCommand(sh, p.cmds[0], io, tail && !p.bang);
  }
  for (let i = 0; i < p.cmds.length && p.cmds.length > 1; i++) {
    const last = i === p.cmds.length - 1;
    let buf = '';
    const frame: Frame = last ? { ...io, stdin } : { stdin, out: { write: (s) => { buf += s; } }, err: io.err };
    // Each side of a pipe runs in a subshell; only the last command may replace the shell.
    const target = p.cmds.length > 1 ? forkShell(sh) : sh;
    status = yield* runCommand(target, p.cmds[i], frame, false);
    if (target !== sh && target.exiting !== undefined) status = target.exiting;
    stdin = buf;
  }
  if (p.bang) status = status === 0 ? 1 : 0;
  sh.status = status;
  yield* runTraps(sh, io);
  return status;
}

/** A subshell: a copy of the state (variables do not flow back). */
function forkShell(sh: Shell): Shell {
  return { ...sh, vars: new Map(sh.vars), exported: new Set(sh.exported), traps: new Map(sh.traps), exiting: undefined, loopCtl: undefined };
}

/** Runs trap actions for signals that arrived while a foreground command ran (ash: after the command completes). */
function* runTraps(sh: Shell, io: Frame): Generator<Wait, void, number | undefined> {
  while (sh.pending.length > 0) {
    const sig = sh.pending.shift()!;
    const action = sh.traps.get(sig);
    if (action) {
      const saved = sh.status;
      yield* runScript(sh, action, io);
      if (sh.exiting === undefined) sh.status = saved;
    }
  }
}

function* runCommand(sh: Shell, cmd: Command, io: Frame, tail: boolean): Run {
  if (!sh.host.tick()) return yield* spin(sh);
  if (cmd.t === 'simple') return yield* runSimple(sh, cmd, io, tail);
  const frame = applyRedirs(sh, cmd.redirs, io);
  if (typeof frame === 'number') return (sh.status = frame);
  switch (cmd.t) {
    case 'group': {
      const target = cmd.subshell ? forkShell(sh) : sh;
      const status = yield* runList(target, cmd.body, frame, tail && !cmd.subshell);
      return cmd.subshell ? (target.exiting ?? status) : status;
    }
    case 'if': {
      for (const arm of cmd.arms) {
        const c = yield* runList(sh, arm.cond, frame, false);
        if (sh.exiting !== undefined || sh.loopCtl) return c;
        if (c === 0) return yield* runList(sh, arm.body, frame, tail);
      }
      return cmd.otherwise ? yield* runList(sh, cmd.otherwise, frame, tail) : (sh.status = 0);
    }
    case 'loop': {
      const endless = isConstant(cmd.cond, cmd.until ? 'false' : 'true');
      if (endless) sh.endless++;
      let status = 0;
      try {
        for (;;) {
          const c = yield* runList(sh, cmd.cond, frame, false);
          if (sh.exiting !== undefined) return c;
          if ((c === 0) === cmd.until) break;
          status = yield* runList(sh, cmd.body, frame, false);
          if (sh.exiting !== undefined) return status;
          if (loopControl(sh)) break;
        }
      } finally {
        if (endless) sh.endless--;
      }
      return (sh.status = status);
    }
    case 'for': {
      const items = cmd.items ? yield* expandWords(sh, cmd.items, frame) : [...sh.args];
      let status = 0;
      for (const item of items) {
        sh.vars.set(cmd.name, item);
        status = yield* runList(sh, cmd.body, frame, false);
        if (sh.exiting !== undefined) return status;
        if (loopControl(sh)) break;
      }
      return (sh.status = status);
    }
  }
}

/** Consumes a pending break/continue at this loop level; true when the loop must stop. */
function loopControl(sh: Shell): boolean {
  const ctl = sh.loopCtl;
  if (!ctl) return false;
  if (ctl.n > 1) { ctl.n--; return true; }
  sh.loopCtl = undefined;
  return ctl.kind === 'break';
}

/** `while true`, `while :`, `until false`: a loop only a signal ends. */
function isConstant(cond: List, cmd: string): boolean {
  if (cond.items.length !== 1) return false;
  const { ao } = cond.items[0];
  const c = ao.first.cmds[0];
  const word = c?.t === 'simple' && c.words.length === 1 && c.words[0].length === 1 ? c.words[0][0] : undefined;
  const text = word?.t === 'lit' ? word.s : undefined;
  return ao.rest.length === 0 && !ao.first.bang && ao.first.cmds.length === 1 && (text === cmd || (cmd === 'true' && text === ':'));
}

/** A command loop that never waits: modelled as a process spinning on one CPU until a signal. */
function* spin(sh: Shell): Run {
  const r = yield { kind: 'block', pid: sh.pid, spin: true };
  sh.exiting = r ?? 0;
  return sh.exiting;
}

// ---- Expansion ---------------------------------------------------------------------------------------------

interface Field { text: string; pattern: string; glob: boolean; quoted: boolean }

function paramValue(sh: Shell, name: string): string | undefined {
  switch (name) {
    case '?': return String(sh.status);
    case '$': return String(sh.pid);
    case '#': return String(sh.args.length);
    case '!': return sh.lastBg === undefined ? '' : String(sh.lastBg);
    case '0': return sh.arg0;
    case '-': return '';
    case '@': case '*': return sh.args.join(' ');
  }
  if (/^[0-9]+$/.test(name)) return sh.args[Number(name) - 1];
  return sh.vars.get(name);
}

/** Expands one word into fields: parameter, command and arithmetic expansion, field splitting, pathname expansion. */
function* expandWord(sh: Shell, word: Word, io: Frame, split = true): Generator<Wait, string[], number | undefined> {
  const fields: Field[] = [];
  let cur: Field | undefined;
  const add = (s: string, quoted: boolean) => {
    cur ??= { text: '', pattern: '', glob: false, quoted: false };
    cur.text += s;
    if (quoted) { cur.quoted = true; cur.pattern += s.replace(/[*?[\]\\]/g, '\\$&'); }
    else { cur.pattern += s; if (/[*?[]/.test(s)) cur.glob = true; }
  };
  const addSplit = (value: string, quoted: boolean) => {
    if (quoted || !split) { add(value, true); return; }
    const chunks = value.split(/[ \t\n]+/);
    chunks.forEach((c, i) => {
      if (i > 0 && cur) { fields.push(cur); cur = undefined; }
      if (c !== '') add(c, false);
    });
  };
  for (const part of word) {
    if (part.t === 'lit') { add(part.s, part.q); continue; }
    if (part.t === 'param') {
      if (part.name === '@' && part.q) {
        sh.args.forEach((a, i) => { if (i > 0 && cur) { fields.push(cur); cur = undefined; } add(a, true); });
        if (sh.args.length === 0 && cur === undefined) cur = undefined;
        continue;
      }
      let value = paramValue(sh, part.name);
      if (part.op === '#len') value = String((value ?? '').length);
      else if (part.op) {
        const unset = part.op.startsWith(':') ? !value : value === undefined;
        const op = part.op.replace(':', '');
        const arg = () => expandWord(sh, part.arg ?? [], io, false);
        if (op === '-' && unset) value = (yield* arg()).join(' ');
        else if (op === '=' && unset) { value = (yield* arg()).join(' '); sh.vars.set(part.name, value); }
        else if (op === '+') value = unset ? '' : (yield* arg()).join(' ');
        else if (op === '?' && unset) {
          const msg = (yield* arg()).join(' ') || 'parameter not set';
          io.err.write(`${prefix(sh)}${part.name}: ${msg}\n`);
          sh.exiting = 2;
          return [];
        }
      }
      addSplit(value ?? '', part.q);
      continue;
    }
    if (part.t === 'arith') {
      const src = (yield* expandWord(sh, [{ t: 'lit', s: part.src, q: true }], io, false)).join('');
      const r = arith(sh, src);
      if (typeof r === 'string') { io.err.write(`${prefix(sh)}${r}\n`); sh.exiting = 2; return []; }
      addSplit(String(r), part.q);
      continue;
    }
    // Command substitution: a subshell whose stdout (trailing newlines removed) becomes the value.
    let captured = '';
    const sub = forkShell(sh);
    const status = yield* runScript(sub, part.src, { stdin: '', out: { write: (s) => { captured += s; } }, err: io.err });
    sh.status = status;
    addSplit(captured.replace(/\n+$/, ''), part.q);
  }
  if (cur) fields.push(cur);
  const out: string[] = [];
  for (const f of fields) {
    if (f.glob) {
      const matches = glob(sh, f.pattern);
      if (matches.length > 0) { out.push(...matches); continue; }
    }
    if (f.text !== '' || f.quoted) out.push(f.text);
  }
  return out;
}

function* expandWords(sh: Shell, words: Word[], io: Frame): Generator<Wait, string[], number | undefined> {
  const out: string[] = [];
  for (const w of words) out.push(...(yield* expandWord(sh, w, io)));
  return out;
}

/** Pathname expansion (XCU 2.13.3): `*`, `?`, `[...]` per segment; a leading `.` must be matched explicitly. */
function glob(sh: Shell, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s) => s !== '');
  let paths = [absolute ? '/' : ''];
  for (const seg of segs) {
    const next: string[] = [];
    const magic = /(^|[^\\])[*?[]/.test(seg);
    for (const base of paths) {
      const dir = resolvePath(sh.cwd, base || '.');
      if (!magic) {
        const lit = seg.replace(/\\(.)/g, '$1');
        const p = base === '/' ? `/${lit}` : base ? `${base}/${lit}` : lit;
        if (sh.host.fs.stat(resolvePath(sh.cwd, p))) next.push(p);
        continue;
      }
      const names = sh.host.fs.list(dir);
      if (typeof names === 'string') continue;
      const re = globRegex(seg);
      for (const n of names) {
        if (n.startsWith('.') && !seg.startsWith('.')) continue;
        if (re.test(n)) next.push(base === '/' ? `/${n}` : base ? `${base}/${n}` : n);
      }
    }
    paths = next;
  }
  return paths.filter((p) => p !== '' && p !== '/').sort();
}

function globRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\') re += (seg[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) { re += '\\['; continue; }
      re += `[${seg.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = close;
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `$(( ))`: integer arithmetic (XCU 2.6.4) with C precedence; returns an error text on failure. */
function arith(sh: Shell, src: string): number | string {
  const toks = src.match(/\s*([0-9]+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|<<|>>|[-+*/%()<>!~^&|=])/g)?.map((t) => t.trim()) ?? [];
  if (toks.join('') !== src.replace(/\s+/g, '')) return `arithmetic syntax error`;
  let i = 0;
  const num = (name: string) => { const v = sh.vars.get(name); return v && /^-?[0-9]+$/.test(v.trim()) ? Number(v) : 0; };
  const levels = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0; case '&&': return a && b ? 1 : 0;
      case '|': return a | b; case '^': return a ^ b; case '&': return a & b;
      case '==': return a === b ? 1 : 0; case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0; case '<=': return a <= b ? 1 : 0; case '>': return a > b ? 1 : 0; case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b; case '>>': return a >> b;
      case '+': return a + b; case '-': return a - b; case '*': return a * b;
      case '/': if (b === 0) throw new Error('divide by zero'); return Math.trunc(a / b);
      default: if (b === 0) throw new Error('divide by zero'); return a % b;
    }
  };
  function unary(): number {
    const t = toks[i++];
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (t === '~') return ~unary();
    if (t === '(') { const v = binary(0); if (toks[i++] !== ')') throw new Error('arithmetic syntax error'); return v; }
    if (t !== undefined && /^[0-9]+$/.test(t)) return Number(t);
    if (t !== undefined && /^[A-Za-z_]/.test(t)) {
      if (toks[i] === '=' ) { i++; const v = binary(0); sh.vars.set(t, String(v)); return v; }
      return num(t);
    }
    throw new Error('arithmetic syntax error');
  }
  function binary(level: number): number {
    if (level === levels.length) return unary();
    let v = binary(level + 1);
    while (i < toks.length && levels[level].includes(toks[i])) { const op = toks[i++]; v = apply(op, v, binary(level + 1)); }
    return v;
  }
  try {
    const v = binary(0);
    if (i !== toks.length) return 'arithmetic syntax error';
    return v;
  } catch (e) {
    return (e as Error).message;
  }
}

// ---- Redirections ----------------------------------------------------------------------------------------

const devNull: Sink = { write: () => {} };

/** Applies redirections to a frame; returns the shell status on failure (after printing ash/dash's message). */
function applyRedirs(sh: Shell, redirs: Redir[], io: Frame): Frame | number {
  if (redirs.length === 0) return io;
  const frame: Frame = { ...io };
  const fds = new Map<number, Sink>([[1, io.out], [2, io.err]]);
  for (const r of redirs) {
    const target = expandPlain(sh, r.target);
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') { fds.set(r.fd, devNull); continue; }
      const src = fds.get(Number(target));
      if (src) fds.set(r.fd, src);
      continue;
    }
    if (r.op === '<') {
      const path = resolvePath(sh.cwd, target);
      const data = path === '/dev/null' ? '' : sh.host.fs.read(path);
      if (isErrno(data)) {
        io.err.write(isDash(sh) ? `${prefix(sh)}cannot open ${target}: No such file\n` : `${prefix(sh)}can't open ${target}: no such file\n`);
        return isDash(sh) ? 2 : 1;
      }
      frame.stdin = data;
      continue;
    }
    const sink = openSink(sh, target, r.op === '>>', fds);
    if (typeof sink === 'string') {
      const why = sink === 'ENOENT' ? (isDash(sh) ? 'Directory nonexistent' : 'nonexistent directory') : strerror[sink];
      io.err.write(isDash(sh) ? `${prefix(sh)}cannot create ${target}: ${why}\n` : `${prefix(sh)}can't create ${target}: ${why}\n`);
      return isDash(sh) ? 2 : 1;
    }
    fds.set(r.fd, sink);
  }
  frame.out = fds.get(1) ?? devNull;
  frame.err = fds.get(2) ?? devNull;
  return frame;
}

const isErrno = (x: string): x is Errno => x in strerror && x === x.toUpperCase() && x.startsWith('E');

/** Opens a file for writing (truncating unless `append`); /dev/null, /dev/stdout, /dev/stderr are the devices. */
function openSink(sh: Shell, target: string, append: boolean, fds: Map<number, Sink>): Sink | Errno {
  const path = resolvePath(sh.cwd, target);
  if (path === '/dev/null') return devNull;
  if (path === '/dev/stdout' || path === '/proc/self/fd/1') return fds.get(1) ?? devNull;
  if (path === '/dev/stderr' || path === '/proc/self/fd/2') return fds.get(2) ?? devNull;
  const fs = sh.host.fs;
  const e = fs.write(path, '', { append: true });
  if (e) return e;
  if (!append) fs.write(path, '');
  return { write: (s) => { fs.write(path, s, { append: true }); } };
}

/** Expands a word without splitting or globbing (redirection targets, assignments). Synchronous: no `$( )` waits. */
function expandPlain(sh: Shell, word: Word): string {
  const g = expandWord(sh, word, { stdin: '', out: devNull, err: devNull }, false);
  let r = g.next();
  while (!r.done) r = g.next(0);
  return r.value.join(' ');
}

// ---- Simple commands and builtins ------------------------------------------------------------------------

function* runSimple(sh: Shell, cmd: Extract<Command, { t: 'simple' }>, io: Frame, tail: boolean): Run {
  const argv = yield* expandWords(sh, cmd.words, io);
  if (sh.exiting !== undefined) return sh.exiting;
  const assigns: [string, string][] = [];
  for (const a of cmd.assigns) assigns.push([a.name, (yield* expandWord(sh, a.value, io, false)).join('')]);
  const frame = applyRedirs(sh, cmd.redirs, io);
  if (typeof frame === 'number') return (sh.status = frame);
  if (argv.length === 0) {
    for (const [k, v] of assigns) sh.vars.set(k, v);
    return (sh.status = cmd.words.length > 0 ? sh.status : 0);
  }
  const builtin = Object.hasOwn(BUILTINS, argv[0]) ? BUILTINS[argv[0]] : undefined;
  if (builtin) {
    const saved = assigns.map(([k]) => [k, sh.vars.get(k)] as const);
    for (const [k, v] of assigns) sh.vars.set(k, v);
    const r = builtin(sh, argv, frame, tail);
    const status = typeof r === 'number' ? r : yield* r;
    if (!SPECIAL.has(argv[0])) for (const [k, v] of saved) { if (v === undefined) sh.vars.delete(k); else sh.vars.set(k, v); }
    return (sh.status = status);
  }
  const env = { ...environ(sh), ...Object.fromEntries(assigns) };
  return (sh.status = yield* execute(sh, argv, frame, env, tail && sh.traps.size === 0));
}

/** Looks `name` up on $PATH (or as a path); returns the executable's path and program tag. */
export function which(fs: FileSystem, userland: Userland, name: string, path: string, cwd: string): { path: string; program?: string } | Errno | 'EACCES' {
  // Exec probes look up the same command every period: cache per filesystem until anything in it changes.
  let cache = whichCache.get(fs);
  if (!cache || cache.generation !== fs.generation) whichCache.set(fs, cache = { generation: fs.generation, found: new Map() });
  const key = `${userland}\u0000${name}\u0000${path}\u0000${cwd}`;
  let found = cache.found.get(key);
  if (found === undefined) cache.found.set(key, found = lookup(fs, userland, name, path, cwd));
  return found;
}
const whichCache = new WeakMap<FileSystem, { generation: number; found: Map<string, ReturnType<typeof lookup>> }>();

function lookup(fs: FileSystem, userland: Userland, name: string, path: string, cwd: string): { path: string; program?: string } | Errno | 'EACCES' {
  const candidates = name.includes('/') ? [resolvePath(cwd, name)] : path.split(':').filter(Boolean).map((d) => `${d}/${name}`);
  // Debian's merged /usr: /bin and /sbin are symlinks into /usr.
  if (userland === 'debian' && name.includes('/')) candidates.push(resolvePath('/usr', candidates[0].slice(1)));
  let denied = false;
  for (const c of candidates) {
    const n = fs.stat(c);
    if (!n) continue;
    if (n.type === 'dir' || (n.mode & 0o111) === 0) { denied = true; continue; }
    return { path: c, program: n.program };
  }
  return denied ? 'EACCES' : 'ENOENT';
}

/** Runs an external command: a program-tagged executable, or an executable text file as a shell script. */
function* execute(sh: Shell, argv: string[], io: Frame, env: Record<string, string>, replace: boolean): Run {
  const found = which(sh.host.fs, sh.host.userland, argv[0], env.PATH ?? sh.vars.get('PATH') ?? '', sh.cwd);
  if (typeof found === 'string') {
    io.err.write(found === 'EACCES' ? `${prefix(sh)}${argv[0]}: Permission denied\n` : `${prefix(sh)}${argv[0]}: ${sh.dialect === 'bash' ? 'command not found' : 'not found'}\n`);
    return found === 'EACCES' ? 126 : 127;
  }
  if (found.program) {
    return yield* sh.host.run(found.program, { argv, stdin: io.stdin, out: io.out, err: io.err, env, cwd: sh.cwd, ppid: sh.pid, replace, background: sh.endless > 0 });
  }
  // A script file: run it in a new shell process (the kernel would exec its #! interpreter).
  const text = sh.host.fs.read(found.path);
  if (isErrno(text)) return 126;
  return yield* sh.host.run('sh', { argv: ['sh', found.path, ...argv.slice(1)], stdin: io.stdin, out: io.out, err: io.err, env, cwd: sh.cwd, ppid: sh.pid, replace, background: sh.endless > 0 });
}

type Builtin = (sh: Shell, argv: string[], io: Frame, tail: boolean) => number | Run;

/** POSIX special builtins: their variable assignments persist (XCU 2.14). */
const SPECIAL = new Set([':', 'exit', 'export', 'unset', 'set', 'shift', 'break', 'continue', 'eval', 'exec', 'trap', '.']);

const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  exit(sh, argv, io) {
    const code = argv[1] === undefined ? sh.status : Number(argv[1]);
    if (!Number.isInteger(code)) {
      io.err.write(isDash(sh) ? `${prefix(sh)}exit: Illegal number: ${argv[1]}\n` : `${prefix(sh)}exit: Illegal number: ${argv[1]}\n`);
      sh.exiting = 2;
      return 2;
    }
    sh.exiting = code & 255;
    return sh.exiting;
  },
  export(sh, argv) {
    for (const a of argv.slice(1).filter((x) => x !== '-p')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (eq >= 0) sh.vars.set(name, a.slice(eq + 1));
      sh.exported.add(name);
    }
    return 0;
  },
  unset(sh, argv) {
    for (const a of argv.slice(1)) { if (a.startsWith('-')) continue; sh.vars.delete(a); sh.exported.delete(a); }
    return 0;
  },
  set(sh, argv) {
    const dd = argv.indexOf('--');
    if (dd >= 0) sh.args = argv.slice(dd + 1);
    return 0;
  },
  shift(sh, argv) {
    const n = Number(argv[1] ?? 1);
    if (n > sh.args.length) return 1;
    sh.args = sh.args.slice(n);
    return 0;
  },
  break(sh, argv) { sh.loopCtl = { kind: 'break', n: Number(argv[1] ?? 1) || 1 }; return 0; },
  continue(sh, argv) { sh.loopCtl = { kind: 'continue', n: Number(argv[1] ?? 1) || 1 }; return 0; },
  cd(sh, argv, io) {
    const target = resolvePath(sh.cwd, argv[1] ?? sh.vars.get('HOME') ?? '/');
    const n = sh.host.fs.stat(target);
    if (!n || n.type !== 'dir') {
      io.err.write(isDash(sh) ? `${prefix(sh)}cd: can't cd to ${argv[1]}\n` : `${prefix(sh)}cd: can't cd to ${argv[1]}: ${n ? 'Not a directory' : 'No such file or directory'}\n`);
      return isDash(sh) ? 2 : 1;
    }
    sh.cwd = target;
    sh.vars.set('PWD', target);
    return 0;
  },
  pwd(sh, _argv, io) { io.out.write(`${sh.cwd}\n`); return 0; },
  wait: () => 0,
  eval(sh, argv, io) { return runScript(sh, argv.slice(1).join(' '), io); },
  '.'(sh, argv, io) {
    const text = argv[1] ? sh.host.fs.read(resolvePath(sh.cwd, argv[1])) : 'ENOENT';
    if (isErrno(text)) { io.err.write(`${prefix(sh)}.: can't open '${argv[1] ?? ''}'\n`); sh.exiting = 2; return 2; }
    return runScript(sh, text, io);
  },
  exec(sh, argv, io) {
    if (argv.length === 1) return 0;
    return (function* () {
      const status = yield* execute(sh, argv.slice(1), io, environ(sh), true);
      sh.exiting = status;
      return status;
    })();
  },
  trap(sh, argv, io) {
    if (argv.length === 1) {
      for (const [sig, action] of sh.traps) io.out.write(`trap -- '${action}' ${sig}\n`);
      return 0;
    }
    const [action, ...sigs] = argv.slice(1);
    for (const s of sigs) {
      const sig = s.toUpperCase().replace(/^SIG/, '');
      const name = sig === '0' ? 'EXIT' : (Object.entries(SIGNALS).find(([, n]) => String(n) === sig)?.[0] ?? sig);
      if (action === '-') sh.traps.delete(name); else sh.traps.set(name, action);
    }
    const handled = [...sh.traps.keys()].filter((k) => k !== 'EXIT');
    sh.host.onSignal(sh.pid, handled.length === 0 ? undefined : (sig) => { if (sh.traps.has(sig)) sh.pending.push(sig as SignalName); }, handled as SignalName[]);
    return 0;
  },
  kill(sh, argv, io) {
    let sig: SignalName = 'TERM';
    const args = argv.slice(1);
    if (args[0] === '-l') { io.out.write(`${Object.keys(SIGNALS).join(' ')}\n`); return 0; }
    if (args[0] === '-s') { args.shift(); sig = (args.shift() ?? 'TERM').toUpperCase().replace(/^SIG/, '') as SignalName; }
    else if (args[0]?.startsWith('-')) {
      const s = args.shift()!.slice(1).toUpperCase().replace(/^SIG/, '');
      const byNum = Object.entries(SIGNALS).find(([, n]) => String(n) === s)?.[0];
      sig = (byNum ?? s) as SignalName;
    }
    if (!(sig in SIGNALS)) { io.err.write(`${prefix(sh)}kill: invalid signal: ${sig}\n`); return 1; }
    if (args.length === 0) { io.err.write(isDash(sh) ? `${prefix(sh)}kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n` : `${prefix(sh)}kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`); return isDash(sh) ? 2 : 1; }
    let status = 0;
    for (const a of args) {
      const e = sh.host.kill(Number(a), sig, sh.pid);
      if (e) { io.err.write(isDash(sh) ? `${prefix(sh)}kill: No such process\n` : `${prefix(sh)}kill: can't kill pid ${a}: ${e}\n`); status = 1; }
    }
    return status;
  },
  read(sh, argv, io) {
    const names = argv.slice(1).filter((a) => !a.startsWith('-'));
    if (io.stdin === '') return 1;
    const nl = io.stdin.indexOf('\n');
    const line = nl < 0 ? io.stdin : io.stdin.slice(0, nl);
    io.stdin = nl < 0 ? '' : io.stdin.slice(nl + 1);
    const words = line.trim().split(/[ \t]+/);
    names.forEach((n, i) => sh.vars.set(n, i === names.length - 1 ? words.slice(i).join(' ') : (words[i] ?? '')));
    return nl < 0 ? 1 : 0;
  },
};

// echo, printf and test are builtins of ash and dash: they run in the shell's process.
for (const name of ['echo', 'printf', 'test', '[']) {
  BUILTINS[name] = (sh, argv, io) => APPLETS[name]({
    argv, stdin: io.stdin, out: io.out, err: io.err, env: environ(sh), cwd: sh.cwd, ppid: sh.pid, replace: false, host: sh.host, pid: sh.pid, builtin: true,
  });
}
