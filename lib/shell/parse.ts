/**
 * A parser for the part of the bash grammar a lesson terminal needs: words and quoting, parameter expansion,
 * pipelines, `;` `&&` `||` lists, redirections and here-documents. It is pure: the result is data that
 * `shell.ts` expands and runs later, so `$?` and `$HOME` are read at execution time as bash does.
 * Error texts are bash 5.2's, without the `bash: ` prefix (the shell adds it).
 */

/** A piece of a word before expansion. `quoted` parts are never split into fields. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; raw: string }
  | { kind: 'tilde' };

/** One shell word: its parts, and its source text (for messages like `$X: ambiguous redirect`). */
export interface Word { parts: WordPart[]; raw: string }

export type Redirect =
  | { kind: 'file'; fd: number; op: '<' | '>' | '>>'; target: Word }
  /** `2>&1`: fd becomes a copy of `from`; `from` -1 is `2>&-` (closed). */
  | { kind: 'dup'; fd: number; from: number }
  /** A here-document or here-string; `body` is expanded without field splitting. */
  | { kind: 'heredoc'; fd: number; body: Word };

export interface SimpleCommand { words: Word[]; redirects: Redirect[] }
export interface Pipeline { commands: SimpleCommand[] }
/** One pipeline of a list and the operator before it (`;` for the first). */
export interface ListItem { connector: ';' | '&&' | '||'; pipeline: Pipeline }

export type ParseResult =
  | { status: 'complete'; list: ListItem[]; warnings: string[] }
  /** More lines are needed. `stillOpen(line)` is true when appending `line` certainly leaves it incomplete. */
  | { status: 'incomplete'; stillOpen: (line: string) => boolean }
  | { status: 'error'; message: string };

export interface ParseOptions {
  /** The input really ends here (end of a script): report what is open instead of asking for more. */
  eof?: boolean;
  /** Line number of the first line of `src`, for here-document warnings. */
  firstLine?: number;
}

class NeedMore {
  constructor(readonly stillOpen: (line: string) => boolean = () => false) {}
}
class ParseFailure {
  constructor(readonly message: string) {}
}

type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string; fd?: number; at: number }
  | { type: 'eof' };

// Longest first, so `&&` wins over `&` and `<<-` over `<<`.
const OPERATORS = ['<<<', '<<-', '&>>', '&&', '||', '|&', ';;', '>>', '>&', '>|', '&>', '<<', '|', '&', ';', '(', ')', '<', '>', '\n'];
const REDIRECTS = new Set(['<', '>', '>>', '>|', '&>', '&>>', '>&', '<<', '<<-', '<<<']);
const METACHARS = ' \t\n|&;()<>';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
const NO_COMMAND_SUBSTITUTION = 'command substitution ($(...) and `...`) is not supported in this terminal';

/** Parses `src` (one or more physical lines, normally ending in `\n`). Pure; never throws. */
export function parse(src: string, options: ParseOptions = {}): ParseResult {
  const eof = options.eof ?? false;
  const firstLine = options.firstLine ?? 1;
  const warnings: string[] = [];
  const pendingHeredocs: { redirect: Extract<Redirect, { kind: 'heredoc' }>; delimiter: string; strip: boolean; quoted: boolean; at: number }[] = [];
  let i = 0;
  let peeked: Token | undefined;

  /** An open quote or `${` at the end of the input. */
  const unclosed = (closer: string, stillOpen?: (line: string) => boolean): never => {
    if (!eof) throw new NeedMore(stillOpen);
    throw new ParseFailure(`unexpected EOF while looking for matching \`${closer}'`);
  };
  const unexpected = (t: Token): never => {
    if (t.type === 'eof') {
      if (!eof) throw new NeedMore();
      throw new ParseFailure('syntax error: unexpected end of file');
    }
    const text = t.type === 'word' ? t.word.raw : t.op === '\n' ? 'newline' : t.op;
    throw new ParseFailure(`syntax error near unexpected token \`${text}'`);
  };

  function readHeredocs(): void {
    for (const h of pendingHeredocs) {
      let body = '';
      for (;;) {
        if (i >= src.length) {
          const wanted = h.delimiter;
          if (!eof) throw new NeedMore((line) => (h.strip ? line.replace(/^\t+/, '') : line) !== wanted);
          const line = firstLine + (src.slice(0, h.at).match(/\n/g)?.length ?? 0);
          warnings.push(`warning: here-document at line ${line} delimited by end-of-file (wanted \`${wanted}')`);
          break;
        }
        const nl = src.indexOf('\n', i);
        let line = src.slice(i, nl < 0 ? src.length : nl);
        i = nl < 0 ? src.length : nl + 1;
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) break;
        body += line + '\n';
      }
      h.redirect.body = h.quoted ? { parts: [{ kind: 'text', text: body, quoted: true }], raw: body } : heredocBody(body);
    }
    pendingHeredocs.length = 0;
  }

  function scan(): Token {
    for (;;) {
      while (src[i] === ' ' || src[i] === '\t') i++;
      if (src[i] === '#') {
        while (i < src.length && src[i] !== '\n') i++;
      } else if (src[i] === '\\' && src[i + 1] === '\n') {
        if (i + 2 >= src.length && !eof) throw new NeedMore(); // a line ending in `\` continues
        i += 2;
      } else break;
    }
    if (i >= src.length) {
      readHeredocs(); // a `<<` on a last line with no newline after it
      return { type: 'eof' };
    }
    const at = i;
    let fd: number | undefined;
    const digits = /^\d+(?=[<>])/.exec(src.slice(i, i + 12));
    if (digits) {
      fd = Number(digits[0]);
      i += digits[0].length;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      i += op.length;
      if (op === '\n') readHeredocs();
      return { type: 'op', op, fd, at };
    }
    return { type: 'word', word: scanWord() };
  }

  const peek = (): Token => (peeked ??= scan());
  const next = (): Token => {
    const t = peek();
    peeked = undefined;
    return t;
  };

  /** Reads `$...` at src[i] (inside double quotes when `quoted`); returns false when the `$` is literal. */
  function scanDollar(parts: WordPart[], quoted: boolean): boolean {
    const start = i;
    const c = src[i + 1];
    if (c === '(') throw new ParseFailure(NO_COMMAND_SUBSTITUTION);
    if (c === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) unclosed('}');
      const inner = src.slice(i + 2, close);
      if (!NAME.test(inner) && !/^(\d+|\?)$/.test(inner)) throw new ParseFailure(`\${${inner}}: bad substitution`);
      i = close + 1;
      parts.push({ kind: 'var', name: inner, quoted, raw: src.slice(start, i) });
      return true;
    }
    const name = /^([A-Za-z_][A-Za-z0-9_]*|\d|\?)/.exec(src.slice(i + 1, i + 256));
    if (!name) return false;
    i += 1 + name[0].length;
    parts.push({ kind: 'var', name: name[0], quoted, raw: src.slice(start, i) });
    return true;
  }

  function scanWord(): Word {
    const start = i;
    const parts: WordPart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text, quoted: false });
      text = '';
    };
    const quotedText = (t: string) => {
      flush();
      parts.push({ kind: 'text', text: t, quoted: true });
    };
    // `~` expands at the start of a word, and after `=` or `:` in an assignment (`KUBECONFIG=~/x`).
    let tildeOk = true;
    let assignment = false;
    while (i < src.length && !METACHARS.includes(src[i])) {
      const c = src[i];
      const wasTildeOk = tildeOk;
      tildeOk = false;
      if (c === '~' && wasTildeOk && (i + 1 >= src.length || METACHARS.includes(src[i + 1]) || src[i + 1] === '/' || (assignment && src[i + 1] === ':'))) {
        flush();
        parts.push({ kind: 'tilde' });
        i++;
      } else if (c === '\\') {
        if (src[i + 1] === '\n') {
          if (i + 2 >= src.length && !eof) throw new NeedMore();
          i += 2;
        } else if (i + 1 >= src.length) {
          text += c;
          i++;
        } else {
          quotedText(src[i + 1]);
          i += 2;
        }
      } else if (c === "'") {
        const close = src.indexOf("'", i + 1);
        if (close < 0) unclosed("'", (line) => !line.includes("'"));
        quotedText(src.slice(i + 1, close));
        i = close + 1;
      } else if (c === '"' || (c === '$' && src[i + 1] === '"')) {
        flush();
        i += c === '$' ? 2 : 1;
        scanDoubleQuoted(parts);
      } else if (c === '$' && src[i + 1] === "'") {
        i += 2;
        quotedText(scanAnsiC());
      } else if (c === '`') {
        throw new ParseFailure(NO_COMMAND_SUBSTITUTION);
      } else if (c === '$') {
        flush();
        if (!scanDollar(parts, false)) {
          text += c;
          i++;
        }
      } else {
        text += c;
        i++;
        if (c === '=' && !assignment && parts.length === 0 && NAME.test(text.slice(0, -1))) assignment = tildeOk = true;
        else if (c === ':' && assignment) tildeOk = true;
      }
    }
    flush();
    return { parts, raw: src.slice(start, i) };
  }

  function scanDoubleQuoted(parts: WordPart[]): void {
    let text = '';
    parts.push({ kind: 'text', text: '', quoted: true }); // `""` is still a word
    const flush = () => {
      if (text) parts.push({ kind: 'text', text, quoted: true });
      text = '';
    };
    for (;;) {
      if (i >= src.length) unclosed('"', (line) => !/["$`]/.test(line));
      const c = src[i];
      if (c === '"') {
        i++;
        break;
      }
      if (c === '\\' && i + 1 < src.length) {
        const n = src[i + 1];
        if (n !== '\n') text += '"\\$`'.includes(n) ? n : c + n;
        i += 2;
      } else if (c === '`') {
        throw new ParseFailure(NO_COMMAND_SUBSTITUTION);
      } else if (c === '$') {
        flush();
        if (!scanDollar(parts, true)) {
          text += c;
          i++;
        }
      } else {
        text += c;
        i++;
      }
    }
    flush();
  }

  /** `$'...'` (bash ANSI-C quoting), the common escapes only. */
  function scanAnsiC(): string {
    let out = '';
    for (;;) {
      if (i >= src.length) unclosed("'");
      const c = src[i];
      if (c === "'") {
        i++;
        return out;
      }
      if (c === '\\' && i + 1 < src.length) {
        out += ANSI_C[src[i + 1]] ?? c + src[i + 1];
        i += 2;
      } else {
        out += c;
        i++;
      }
    }
  }

  /** An unquoted here-document body: `$VAR` expands; only `\$`, `` \` ``, `\\` and `\newline` are escapes. */
  function heredocBody(body: string): Word {
    const parts: WordPart[] = [];
    let text = '';
    for (let k = 0; k < body.length; k++) {
      const c = body[k];
      if (c === '\\' && '$`\\\n'.includes(body[k + 1] ?? '')) {
        if (body[k + 1] !== '\n') text += body[k + 1];
        k++;
        continue;
      }
      const v = c === '$' ? /^\{([A-Za-z_][A-Za-z0-9_]*|\d+|\?)\}|^([A-Za-z_][A-Za-z0-9_]*|\d|\?)/.exec(body.slice(k + 1, k + 258)) : null;
      if (!v) {
        text += c;
        continue;
      }
      if (text) parts.push({ kind: 'text', text, quoted: true });
      text = '';
      parts.push({ kind: 'var', name: v[1] ?? v[2], quoted: true, raw: '$' + v[0] });
      k += v[0].length;
    }
    if (text) parts.push({ kind: 'text', text, quoted: true });
    return { parts, raw: body };
  }

  function parseRedirect(op: string, fd: number | undefined, at: number, redirects: Redirect[]): void {
    const t = next();
    if (t.type !== 'word') return unexpected(t);
    const word = t.word;
    const output = fd ?? 1;
    switch (op) {
      case '<':
        redirects.push({ kind: 'file', fd: fd ?? 0, op: '<', target: word });
        return;
      case '>':
      case '>|':
      case '>>':
        redirects.push({ kind: 'file', fd: output, op: op === '>>' ? '>>' : '>', target: word });
        return;
      case '>&':
        if (/^\d+$/.test(word.raw) || word.raw === '-') {
          redirects.push({ kind: 'dup', fd: output, from: word.raw === '-' ? -1 : Number(word.raw) });
          return;
        }
        if (fd !== undefined && fd !== 1) throw new ParseFailure(`${word.raw}: ambiguous redirect`);
        redirects.push({ kind: 'file', fd: 1, op: '>', target: word }, { kind: 'dup', fd: 2, from: 1 });
        return;
      case '&>':
      case '&>>':
        redirects.push({ kind: 'file', fd: 1, op: op === '&>' ? '>' : '>>', target: word }, { kind: 'dup', fd: 2, from: 1 });
        return;
      case '<<<':
        redirects.push({ kind: 'heredoc', fd: fd ?? 0, body: { parts: [...word.parts, { kind: 'text', text: '\n', quoted: true }], raw: word.raw } });
        return;
      default: {
        // `<<` / `<<-`: the delimiter is the word after quote removal, never expanded (`<<$X` waits for `$X`).
        const delimiter = word.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'var' ? p.raw : '~')).join('');
        const quoted = word.parts.some((p) => p.kind === 'text' && p.quoted);
        const redirect = { kind: 'heredoc' as const, fd: fd ?? 0, body: { parts: [], raw: '' } };
        redirects.push(redirect);
        pendingHeredocs.push({ redirect, delimiter, strip: op === '<<-', quoted, at });
      }
    }
  }

  function parseCommand(): SimpleCommand {
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = peek();
      if (t.type === 'word') {
        next();
        words.push(t.word);
      } else if (t.type === 'op' && REDIRECTS.has(t.op)) {
        next();
        parseRedirect(t.op, t.fd, t.at, redirects);
      } else if (words.length === 0 && redirects.length === 0) return unexpected(t);
      else return { words, redirects };
    }
  }

  const skipNewlines = () => {
    for (let t = peek(); t.type === 'op' && t.op === '\n'; t = peek()) next();
  };

  function parsePipeline(): Pipeline {
    const commands = [parseCommand()];
    for (let t = peek(); t.type === 'op' && (t.op === '|' || t.op === '|&'); t = peek()) {
      next();
      if (t.op === '|&') commands[commands.length - 1].redirects.push({ kind: 'dup', fd: 2, from: 1 });
      skipNewlines();
      commands.push(parseCommand());
    }
    return { commands };
  }

  function parseList(): ListItem[] {
    const list: ListItem[] = [];
    let connector: ListItem['connector'] = ';';
    for (;;) {
      skipNewlines();
      if (peek().type === 'eof' && connector === ';') return list;
      list.push({ connector, pipeline: parsePipeline() });
      const t = next();
      if (t.type === 'eof') return list;
      if (t.type === 'op' && (t.op === '&&' || t.op === '||')) connector = t.op;
      // `&` would start a background job. This shell has no job control (bash says "no job control in this shell"
      // when it has no terminal), so it acts as `;` — said once, since `kubectl get -w &` then holds the terminal.
      else if (t.type === 'op' && (t.op === ';' || t.op === '&' || t.op === '\n')) {
        if (t.op === '&' && !warnings.some((w) => w.startsWith('no job control'))) warnings.push("no job control in this shell: '&' runs the command in the foreground (Ctrl-C stops it)");
        connector = ';';
      } else return unexpected(t);
    }
  }

  try {
    const list = parseList();
    return { status: 'complete', list, warnings };
  } catch (e) {
    if (e instanceof NeedMore) return { status: 'incomplete', stillOpen: e.stillOpen };
    if (e instanceof ParseFailure) return { status: 'error', message: e.message };
    throw e;
  }
}
