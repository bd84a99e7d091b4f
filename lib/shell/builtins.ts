/**
 * The small userland of the lesson terminal: the coreutils and grep a learner reaches for around kubectl,
 * plus the bash builtins that touch shell state (cd, history, help, exit).
 * Messages copy GNU coreutils 9 / grep 3 / bash 5.2 in the C locale (straight quotes).
 */
import { createStream, fail, isStream, ok, type Program, type ProgramContext, type ProgramResult } from './types';

/** The shell state that `cd`, `history` and `help` read and change. */
export interface ShellState {
  env: Record<string, string>;
  history: string[];
  /** Every program the shell can run, builtins included, by command name. */
  programs(): ReadonlyMap<string, Program>;
}

interface Options {
  flags: Set<string>;
  values: Map<string, string[]>;
  operands: string[];
}

interface OptionSpec {
  /** Letters that take no value, and letters that take one (`-n 5`, `-n5`). */
  flags: string;
  withValue?: string;
  long?: Record<string, string>;
  /** Printed after an option error; the exit status is `usageExit`. */
  usage?: string;
  usageExit?: number;
}

/** GNU getopt_long in miniature: bundled flags, values attached or separate, options after operands, `--`. */
function getopt(name: string, argv: string[], spec: OptionSpec): Options | ProgramResult {
  const out: Options = { flags: new Set(), values: new Map(), operands: [] };
  const usage = spec.usage ?? `Try '${name} --help' for more information.\n`;
  const bad = (msg: string) => fail(`${name}: ${msg}\n${usage}`, spec.usageExit ?? 1);
  const set = (letter: string, value?: string) => {
    if (value === undefined) out.flags.add(letter);
    else out.values.set(letter, [...(out.values.get(letter) ?? []), value]);
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') {
      out.operands.push(...argv.slice(k + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [longName, value] = arg.slice(2).split(/=(.*)/s);
      const letter = spec.long?.[longName];
      if (!letter) return bad(`unrecognized option '${arg}'`);
      if (!spec.withValue?.includes(letter)) set(letter);
      else if (value !== undefined) set(letter, value);
      else if (k + 1 < argv.length) set(letter, argv[++k]);
      else return bad(`option '--${longName}' requires an argument`);
    } else if (arg.startsWith('-') && arg !== '-') {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        if (spec.flags.includes(letter)) set(letter);
        else if (spec.withValue?.includes(letter)) {
          if (j + 1 < arg.length) set(letter, arg.slice(j + 1));
          else if (k + 1 < argv.length) set(letter, argv[++k]);
          else return bad(`option requires an argument -- '${letter}'`);
          break;
        } else return bad(`invalid option -- '${letter}'`);
      }
    } else out.operands.push(arg);
  }
  return out;
}

const isError = (o: Options | ProgramResult): o is ProgramResult => 'exitCode' in o;
const utf8Length = (s: string) => new TextEncoder().encode(s).length;
/** Lines of `text` with their `\n` kept (the last may lack one). */
const splitKeep = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
/** Lines of `text` without their `\n`. */
const splitLines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

type Input = { name: string; text: string } | { name: string; error: string };

/** Reads each operand (or stdin for none and for `-`), as cat, grep, head, tail and wc do. */
function readInputs(ctx: ProgramContext, operands: string[], stdinName: string): Input[] {
  return (operands.length ? operands : ['-']).map((name) => {
    if (name === '-') return { name: stdinName, text: ctx.stdin };
    if (ctx.fs.isDir(name)) return { name, error: 'Is a directory' };
    const text = ctx.fs.readFile(name);
    return text === undefined ? { name, error: 'No such file or directory' } : { name, text };
  });
}

const echo: Program = {
  name: 'echo',
  summary: 'display a line of text',
  run({ argv }) {
    let newline = true;
    let escapes = false;
    let k = 0;
    for (; k < argv.length && /^-[neE]+$/.test(argv[k]); k++) {
      for (const f of argv[k].slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
    }
    let text = argv.slice(k).join(' ');
    if (escapes) {
      const stop = text.indexOf('\\c');
      if (stop >= 0) {
        text = text.slice(0, stop);
        newline = false;
      }
      const simple: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
      text = text.replace(/\\(0[0-7]{0,3}|x[0-9A-Fa-f]{1,2}|[\\abefnrtv])/g, (_, e: string) =>
        simple[e] ?? String.fromCharCode(parseInt(e.slice(1) || '0', e[0] === 'x' ? 16 : 8)),
      );
    }
    return ok(text + (newline ? '\n' : ''));
  },
};

const cat: Program = {
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  incremental: () => true,
  run(ctx) {
    const o = getopt('cat', ctx.argv, { flags: 'n', long: { number: 'n' } });
    if (isError(o)) return o;
    let stdout = '';
    let stderr = '';
    for (const input of readInputs(ctx, o.operands, '-')) {
      if ('error' in input) stderr += `cat: ${input.name}: ${input.error}\n`;
      else stdout += input.text;
    }
    if (o.flags.has('n')) stdout = splitKeep(stdout).map((line, k) => `${String(k + 1).padStart(6)}\t${line}`).join('');
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

/** GNU ls -h: one decimal below 10, rounded up. */
function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < 3);
  return (value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : String(Math.ceil(value))) + 'KMGT'[unit];
}

const ls: Program = {
  name: 'ls',
  summary: 'list directory contents',
  run(ctx) {
    const o = getopt('ls', ctx.argv, { flags: 'aAlh1', long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h' }, usageExit: 2 });
    if (isError(o)) return o;
    const { fs } = ctx;
    const long = o.flags.has('l');
    let stderr = '';
    const files: string[] = [];
    const dirs: string[] = [];
    for (const name of o.operands.length ? o.operands : ['.']) {
      if (!fs.exists(name)) stderr += `ls: cannot access '${name}': No such file or directory\n`;
      else (fs.isDir(name) ? dirs : files).push(name);
    }
    const sortC = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const format = (entries: { name: string; path: string }[], total: boolean): string => {
      if (!long) {
        const names = entries.map((e) => e.name);
        const oneLine = names.join('  ');
        return names.length === 0 ? '' : ctx.isTTY && !o.flags.has('1') && oneLine.length <= 80 ? oneLine + '\n' : names.join('\n') + '\n';
      }
      const rows = entries.map((e) => {
        const dir = fs.isDir(e.path);
        const bytes = dir ? 4096 : utf8Length(fs.readFile(e.path) ?? '');
        return { e, dir, bytes, blocks: Math.ceil(bytes / 4096) * 4 };
      });
      const size = (n: number) => (o.flags.has('h') ? humanSize(n) : String(n));
      const width = Math.max(0, ...rows.map((r) => size(r.bytes).length));
      // No modification times: the virtual filesystem does not keep them.
      const lines = rows.map((r) => `${r.dir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} learner learner ${size(r.bytes).padStart(width)} ${r.e.name}\n`);
      const blocks = rows.reduce((sum, r) => sum + r.blocks, 0);
      return (total ? `total ${o.flags.has('h') && blocks ? humanSize(blocks * 1024) : blocks}\n` : '') + lines.join('');
    };
    const sections: string[] = [];
    if (files.length) sections.push(format(files.sort(sortC).map((name) => ({ name, path: name })), false));
    const many = o.operands.length > 1;
    for (const dir of dirs.sort(sortC)) {
      const names = (fs.list(dir) ?? []).filter((n) => !n.startsWith('.') || o.flags.has('a') || o.flags.has('A'));
      if (o.flags.has('a')) names.unshift('.', '..');
      const base = fs.resolve(dir);
      sections.push((many ? `${dir}:\n` : '') + format(names.map((name) => ({ name, path: `${base}/${name}` })), true));
    }
    return { stdout: sections.join('\n'), stderr, exitCode: stderr ? 2 : 0 };
  },
};

const clear: Program = {
  name: 'clear',
  summary: 'clear the terminal screen',
  run: ({ isTTY }) => ok(isTTY ? '\x1b[H\x1b[2J\x1b[3J' : ''),
};

const GREP_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/**
 * Translates a POSIX basic (or, with `extended`, extended) regular expression with GNU extensions into
 * JavaScript syntax for the `u` flag. Throws Error with grep's message for malformed patterns.
 */
export function translateRegex(pattern: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  let atStart = true; // where a BRE `*` is literal
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k];
    const wasStart = atStart;
    atStart = false;
    if (c === '[') {
      let j = k + 1;
      let body = '';
      if (pattern[j] === '^') {
        body += '^';
        j++;
      }
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const cls = pattern[j] === '[' && pattern[j + 1] === ':' ? /^\[:([a-z]+):\]/.exec(pattern.slice(j)) : null;
        if (cls) {
          if (!(cls[1] in POSIX_CLASSES)) throw new Error('Invalid character class name');
          body += POSIX_CLASSES[cls[1]];
          j += cls[0].length - 1;
        } else body += '\\[]^'.includes(pattern[j]) ? '\\' + pattern[j] : pattern[j];
      }
      if (j >= pattern.length) throw new Error('Unmatched [, [^, [:, [., or [=');
      out += `[${body}]`;
      k = j;
      continue;
    }
    // In a BRE these are special only after a backslash; in an ERE only without one.
    let special: string | undefined;
    if (c === '\\') {
      if (k + 1 >= pattern.length) throw new Error('Trailing backslash');
      const n = pattern[++k];
      if (!extended && '(){}|+?'.includes(n)) special = n;
      else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if ('bBwWsS123456789'.includes(n)) out += '\\' + n;
      else out += /[\^$\\.*+?()[\]{}|/]/.test(n) ? '\\' + n : n;
      if (!special) continue;
    } else if (extended && '(){}|+?'.includes(c)) special = c;
    if (special === undefined) {
      if (c === '*' && wasStart) out += '\\*';
      else out += '.^$*'.includes(c) ? c : /[+?()[\]{}|/]/.test(c) ? '\\' + c : c;
      atStart = c === '^';
      continue;
    }
    if (special === '(') {
      depth++;
      out += '(';
      atStart = true;
    } else if (special === ')') {
      if (depth === 0) {
        if (!extended) throw new Error('Unmatched ) or \\)');
        out += '\\)';
      } else {
        depth--;
        out += ')';
      }
    } else if (special === '{') {
      const close = extended ? '}' : '\\}';
      const end = pattern.indexOf(close, k + 1);
      const interval = end < 0 ? null : /^(\d+)(,(\d*))?$/.exec(pattern.slice(k + 1, end));
      if (!interval) {
        if (!extended) throw new Error(end < 0 ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
        out += '\\{';
        continue;
      }
      if (interval[3] && Number(interval[3]) < Number(interval[1])) throw new Error('Invalid content of \\{\\}');
      out += `{${pattern.slice(k + 1, end)}}`;
      k = end + close.length - 1;
    } else if (special === '}') {
      out += '\\}';
    } else {
      out += special;
      atStart = special === '|';
    }
  }
  if (depth > 0) throw new Error('Unmatched ( or \\(');
  return out;
}

const grep: Program = {
  name: 'grep',
  summary: 'print lines that match patterns',
  // Counting and listing need the end of the input; the rest prints each line as it is read.
  incremental: (argv) => !argv.some((a) => /^-[A-Za-z]*[cl]/.test(a) || a === '--count' || a === '--files-with-matches'),
  run(ctx) {
    const o = getopt('grep', ctx.argv, {
      flags: 'EFGivwxcnoqlhH',
      withValue: 'eABC',
      long: {
        'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'ignore-case': 'i', 'invert-match': 'v', 'word-regexp': 'w',
        'line-regexp': 'x', count: 'c', 'line-number': 'n', 'only-matching': 'o', quiet: 'q', silent: 'q',
        'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H', regexp: 'e', 'after-context': 'A',
        'before-context': 'B', context: 'C',
        'line-buffered': 'line-buffered', // every line goes out as it is matched here anyway
      },
      usage: GREP_USAGE,
      usageExit: 2,
    });
    if (isError(o)) return o;
    const has = (f: string) => o.flags.has(f);
    const patterns = o.values.get('e') ?? o.operands.splice(0, 1);
    if (patterns.length === 0) return fail(GREP_USAGE, 2);
    const contextOf = (letter: string) => o.values.get(letter)?.at(-1) ?? o.values.get('C')?.at(-1) ?? '0';
    const invalid = [contextOf('A'), contextOf('B')].find((v) => !/^\d+$/.test(v));
    if (invalid !== undefined) return fail(`grep: ${invalid}: invalid context length argument\n`, 2);
    const contextGiven = ['A', 'B', 'C'].some((letter) => o.values.has(letter)); // even -A0 separates groups with --
    const after = Number(contextOf('A'));
    const before = Number(contextOf('B'));

    let source: string;
    try {
      source = patterns
        .flatMap((p) => p.split('\n'))
        .map((p) => `(?:${has('F') ? p.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&') : translateRegex(p, has('E'))})`)
        .join('|');
    } catch (e) {
      return fail(`grep: ${(e as Error).message}\n`, 2);
    }
    if (has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
    if (has('x')) source = `^(?:${source})$`;
    let re: RegExp;
    try {
      re = new RegExp(source, has('i') ? 'giu' : 'gu');
    } catch {
      return fail('grep: Invalid regular expression\n', 2);
    }

    const tty = ctx.isTTY;
    const sgr = (code: string, text: string) => (tty ? `\x1b[${code}m\x1b[K${text}\x1b[m\x1b[K` : text);
    const matchesOf = (line: string) => [...line.matchAll(re)].filter((m) => m[0] !== '');
    const highlight = (line: string) => (tty ? line.replace(re, (m) => (m ? sgr('01;31', m) : m)) : line);
    const inputs = readInputs(ctx, o.operands, '(standard input)');
    const withName = has('H') || (inputs.length > 1 && !has('h'));
    let stdout = '';
    let stderr = '';
    let selectedAny = false;
    for (const input of inputs) {
      if ('error' in input) {
        stderr += `grep: ${input.name}: ${input.error}\n`;
        continue;
      }
      const lines = splitLines(input.text);
      const selected = lines.map((line) => line.search(re) >= 0 !== has('v'));
      const count = selected.filter(Boolean).length;
      if (count > 0) selectedAny = true;
      if (has('q')) {
        if (selectedAny) return ok();
        continue;
      }
      const name = withName ? sgr('35', input.name) + sgr('36', ':') : '';
      if (has('c')) stdout += `${name}${count}\n`;
      else if (has('l')) stdout += count > 0 ? sgr('35', input.name) + '\n' : '';
      else {
        const prefix = (k: number, sep: string) =>
          (withName ? sgr('35', input.name) + sgr('36', sep) : '') + (has('n') ? sgr('32', String(k + 1)) + sgr('36', sep) : '');
        // Distance to the nearest selected line at or before k, and at or after k.
        const sinceSelected: number[] = [];
        const untilSelected: number[] = [];
        for (let k = 0, d = Infinity; k < lines.length; k++) sinceSelected[k] = d = selected[k] ? 0 : d + 1;
        for (let k = lines.length - 1, d = Infinity; k >= 0; k--) untilSelected[k] = d = selected[k] ? 0 : d + 1;
        let printedUpTo = -1; // index after the last printed line
        lines.forEach((line, k) => {
          if (sinceSelected[k] > after && untilSelected[k] > before) return;
          if (contextGiven && printedUpTo >= 0 && k > printedUpTo) stdout += sgr('36', '--') + '\n';
          printedUpTo = k + 1;
          if (!has('o')) stdout += prefix(k, selected[k] ? ':' : '-') + highlight(line) + '\n';
          else if (selected[k] && !has('v')) for (const m of matchesOf(line)) stdout += prefix(k, ':') + sgr('01;31', m[0]) + '\n';
        });
      }
    }
    return { stdout, stderr, exitCode: stderr ? 2 : selectedAny ? 0 : 1 };
  },
};

/** head and tail: `-n N`, `-N`, head's `-n -N` (all but the last N), tail's `-n +N` (from line N). */
function headOrTail(name: 'head' | 'tail'): Program['run'] {
  return (ctx) => {
    // `-5` means `-n 5`, unless it is the value of a preceding `-n`.
    const argv = ctx.argv.map((a, k) => (/^-\d+$/.test(a) && ctx.argv[k - 1] !== '-n' ? `-n${a.slice(1)}` : a));
    const o = getopt(name, argv, { flags: '', withValue: 'n', long: { lines: 'n' } });
    if (isError(o)) return o;
    const spec = o.values.get('n')?.at(-1) ?? '10';
    if (!(name === 'head' ? /^-?\d+$/ : /^[+-]?\d+$/).test(spec)) return fail(`${name}: invalid number of lines: '${spec}'\n`);
    const n = Math.abs(Number(spec));
    const pick = (lines: string[]) =>
      name === 'head'
        ? lines.slice(0, spec.startsWith('-') ? Math.max(0, lines.length - n) : n)
        : spec.startsWith('+') ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
    const inputs = readInputs(ctx, o.operands, 'standard input');
    let stdout = '';
    let stderr = '';
    let shown = 0;
    let closedInput = false;
    for (const input of inputs) {
      if ('error' in input) {
        stderr += input.error === 'Is a directory'
          ? `${name}: error reading '${input.name}': Is a directory\n`
          : `${name}: cannot open '${input.name}' for reading: No such file or directory\n`;
        continue;
      }
      if (inputs.length > 1) stdout += `${shown++ ? '\n' : ''}==> ${input.name} <==\n`;
      const lines = splitKeep(input.text);
      stdout += pick(lines).join('');
      // head exits once it has its lines: whatever still writes into its pipe gets SIGPIPE.
      if (name === 'head' && !spec.startsWith('-') && o.operands.length === 0 && lines.length >= n) closedInput = true;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0, closedInput };
  };
}

const wc: Program = {
  name: 'wc',
  summary: 'print newline, word, and byte counts',
  run(ctx) {
    const o = getopt('wc', ctx.argv, { flags: 'lwc', long: { lines: 'l', words: 'w', bytes: 'c' } });
    if (isError(o)) return o;
    const which = ['l', 'w', 'c'].filter((f) => o.flags.has(f));
    const shown = which.length ? which : ['l', 'w', 'c'];
    const inputs = readInputs(ctx, o.operands, '-');
    const counts = inputs.map((input) => {
      const text = 'text' in input ? input.text : '';
      return { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: utf8Length(text) } as Record<string, number>;
    });
    // Models coreutils src/wc.c compute_number_width: digits of the regular files' total size,
    // at least 7 when stdin or a directory is among the inputs.
    let width = 1;
    if (!(shown.length === 1 && inputs.length === 1)) {
      const fromStdin = o.operands.length === 0 || o.operands.includes('-');
      const irregular = fromStdin || inputs.some((input) => 'error' in input && input.error === 'Is a directory');
      const total = fromStdin ? 0 : counts.reduce((sum, c) => sum + c.c, 0);
      width = Math.max(String(total).length, irregular ? 7 : 1);
    }
    const row = (c: Record<string, number>, name?: string) =>
      shown.map((f) => String(c[f]).padStart(width)).join(' ') + (name === undefined ? '' : ` ${name}`) + '\n';
    let stdout = '';
    let stderr = '';
    inputs.forEach((input, k) => {
      if ('error' in input) {
        stderr += `wc: ${input.name}: ${input.error}\n`;
        if (input.error !== 'Is a directory') return;
      }
      stdout += row(counts[k], o.operands.length ? input.name : undefined);
    });
    if (inputs.length > 1) {
      const total = Object.fromEntries(shown.map((f) => [f, counts.reduce((sum, c) => sum + c[f], 0)]));
      stdout += row(total, 'total');
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};

const rm: Program = {
  name: 'rm',
  summary: 'remove files',
  run(ctx) {
    const o = getopt('rm', ctx.argv, { flags: 'frR', long: { force: 'f', recursive: 'r' } });
    if (isError(o)) return o;
    const force = o.flags.has('f');
    if (o.operands.length === 0 && !force) return fail("rm: missing operand\nTry 'rm --help' for more information.\n");
    let stderr = '';
    for (const name of o.operands) {
      // The virtual filesystem cannot remove directories, so even `rm -r` refuses them.
      if (ctx.fs.isDir(name)) stderr += `rm: cannot remove '${name}': Is a directory\n`;
      else if (!ctx.fs.remove(name) && !force) stderr += `rm: cannot remove '${name}': No such file or directory\n`;
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  },
};

const mkdir: Program = {
  name: 'mkdir',
  summary: 'make directories',
  run(ctx) {
    const o = getopt('mkdir', ctx.argv, { flags: 'p', long: { parents: 'p' } });
    if (isError(o)) return o;
    if (o.operands.length === 0) return fail("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    const { fs } = ctx;
    let stderr = '';
    for (const name of o.operands) {
      try {
        if (o.flags.has('p')) {
          let path = '';
          for (const part of fs.resolve(name).split('/').slice(1)) {
            path += '/' + part;
            if (!fs.isDir(path)) fs.mkdir(path);
          }
        } else if (fs.exists(name)) stderr += `mkdir: cannot create directory '${name}': File exists\n`;
        else fs.mkdir(name);
      } catch (e) {
        stderr += `mkdir: cannot create directory '${name}': ${(e as Error).message}\n`;
      }
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  },
};

const pwd: Program = { name: 'pwd', summary: 'print name of current/working directory', run: ({ fs }) => ok(fs.cwd + '\n') };
const trueProgram: Program = { name: 'true', summary: 'do nothing, successfully', run: () => ok() };
const falseProgram: Program = { name: 'false', summary: 'do nothing, unsuccessfully', run: () => fail('') };

/** GNU sleep/timeout durations: a number with an optional s/m/h/d suffix; undefined when malformed. */
function durationMs(arg: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(arg);
  return m ? Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]! : undefined;
}

/** Real seconds a fast-forwarded `sleep` takes on the page, however long it is (less for a short one). */
const SLEEP_REAL_MS = 2000;

/** Seconds as the countdown shows them: `4m 05s`, `12s`. */
function countdown(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

const sleep: Program = {
  name: 'sleep',
  summary: 'let simulated time pass (fast-forwarded on the page; Ctrl-C stops it)',
  run(ctx) {
    const o = getopt('sleep', ctx.argv, { flags: '' });
    if (isError(o)) return o;
    if (o.operands.length === 0) return fail("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    let ms = 0;
    for (const arg of o.operands) {
      const d = durationMs(arg);
      if (d === undefined) return fail(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
      ms += d;
    }
    ms = Math.round(ms);
    const until = ctx.now() + ms;
    return createStream({
      done: () => (ctx.now() >= until ? 0 : undefined),
      until,
      pace: Math.max(1, ms / SLEEP_REAL_MS),
      status: () => `sleep: ${countdown(until - ctx.now())} of simulated time left (fast-forward; Ctrl-C stops)`,
    });
  },
};

/** GNU `timeout DURATION COMMAND [ARG]...`: stops the command when the duration has passed; status 124 then. */
function createTimeout(state: ShellState): Program {
  const usage = "Try 'timeout --help' for more information.\n";
  return {
    name: 'timeout',
    summary: 'run a command with a time limit (status 124 when it is reached)',
    run(ctx) {
      const [limit, name, ...args] = ctx.argv;
      if (limit === undefined) return fail(`timeout: missing operand\n${usage}`, 125);
      const ms = durationMs(limit);
      if (ms === undefined) return fail(`timeout: invalid time interval '${limit}'\n${usage}`, 125);
      if (name === undefined) return fail(`timeout: missing operand after '${limit}'\n${usage}`, 125);
      const program = state.programs().get(name);
      if (!program) return fail(`timeout: failed to run command '${name}': No such file or directory\n`, 127);
      const inner = program.run({ ...ctx, argv: args });
      if (!isStream(inner)) return inner;
      const deadline = ctx.now() + Math.round(ms);
      let timedOut = false;
      return {
        read() {
          const out = inner.read();
          if (!timedOut && inner.exitCode() === undefined && ctx.now() >= deadline) {
            timedOut = true;
            const last = inner.stop();
            return { stdout: out.stdout + last.stdout, stderr: out.stderr + last.stderr };
          }
          return out;
        },
        exitCode: () => inner.exitCode() ?? (timedOut || ctx.now() >= deadline ? 124 : undefined),
        stop: () => (timedOut ? { stdout: '', stderr: '' } : inner.stop()),
        until: Math.min(inner.until ?? Infinity, deadline),
        pace: inner.pace,
        status: inner.status && (() => inner.status!()),
      };
    },
  };
}

/** Creates the builtin programs; `cd`, `history` and `help` read and change `state`. */
export function createBuiltins(state: ShellState): Program[] {
  const cd: Program = {
    name: 'cd',
    summary: 'change the working directory',
    run({ argv, fs }) {
      if (argv.length > 1) return fail('bash: cd: too many arguments\n');
      const target = argv[0] === '-' ? state.env.OLDPWD : (argv[0] ?? state.env.HOME);
      if (target === undefined) return fail(`bash: cd: ${argv[0] === '-' ? 'OLDPWD' : 'HOME'} not set\n`);
      if (!fs.exists(target)) return fail(`bash: cd: ${target}: No such file or directory\n`);
      if (!fs.isDir(target)) return fail(`bash: cd: ${target}: Not a directory\n`);
      state.env.OLDPWD = fs.cwd;
      fs.cwd = state.env.PWD = fs.resolve(target);
      return ok(argv[0] === '-' ? fs.cwd + '\n' : '');
    },
  };
  const history: Program = {
    name: 'history',
    summary: 'display the command history',
    run({ argv }) {
      if (argv[0] === '-c') {
        state.history.length = 0;
        return ok();
      }
      if (argv[0] !== undefined && !/^\d+$/.test(argv[0])) return fail(`bash: history: ${argv[0]}: numeric argument required\n`);
      const from = argv[0] === undefined ? 0 : Math.max(0, state.history.length - Number(argv[0]));
      return ok(state.history.slice(from).map((line, k) => `${String(from + k + 1).padStart(5)}  ${line}\n`).join(''));
    },
  };
  const help: Program = {
    name: 'help',
    summary: 'list the commands of this terminal',
    run() {
      const programs = [...state.programs()].sort(([a], [b]) => (a < b ? -1 : 1));
      const width = Math.max(...programs.map(([name]) => name.length));
      return ok(
        'Commands in this terminal:\n\n' +
          programs.map(([name, p]) => `  ${name.padEnd(width)}  ${p.summary}\n`).join('') +
          '\nPipes (|), lists (; && ||), redirections (> >> < 2>) and here-documents (<<EOF) work as in bash.\n',
      );
    },
  };
  const exit: Program = {
    name: 'exit',
    summary: 'exit the shell (this terminal stays open)',
    run: () => ok('This terminal stays open for the lesson; there is nothing to log out of.\n'),
  };
  return [
    echo, cat, ls, clear, grep, wc, rm, mkdir, pwd, trueProgram, falseProgram, sleep, createTimeout(state), cd, history, help, exit,
    {
      name: 'head', summary: 'output the first part of files', run: headOrTail('head'),
      // `head -n N` (not `-n -N`, which needs the end) passes lines on as they come.
      incremental: (argv) => !argv.some((a, k) => (a === '-n' && argv[k + 1]?.startsWith('-')) || /^(-n|--lines=)-/.test(a)),
    },
    { name: 'tail', summary: 'output the last part of files', run: headOrTail('tail') },
  ];
}
