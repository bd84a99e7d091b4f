/**
 * Parser for the POSIX shell language subset the container shells understand (busybox ash, dash): words and
 * quoting, parameter / command / arithmetic expansion, `;` `&` `&&` `||` `|` `!`, redirections, `if`, `while`,
 * `until`, `for`, `{ }` and `( )`. Follows the grammar of POSIX.1-2017 XCU 2.10 (Shell Grammar).
 * Not supported: `case`, functions, here-documents.
 */

export type WordPart =
  | { t: 'lit'; s: string; q: boolean }
  | { t: 'param'; name: string; q: boolean; op?: string; arg?: Word }
  | { t: 'cmd'; src: string; q: boolean }
  | { t: 'arith'; src: string; q: boolean };
/** A word before expansion: its parts, each quoted or not. */
export type Word = WordPart[];

export interface Redir { fd: number; op: '>' | '>>' | '<' | '>&' | '<&'; target: Word }

export type Command =
  | { t: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[] }
  | { t: 'if'; arms: { cond: List; body: List }[]; otherwise?: List; redirs: Redir[] }
  | { t: 'loop'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { t: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[] }
  | { t: 'group'; body: List; subshell: boolean; redirs: Redir[] };
export interface Pipeline { bang: boolean; cmds: Command[] }
export interface AndOr { first: Pipeline; rest: { op: '&&' | '||'; p: Pipeline }[] }
export interface List { items: { ao: AndOr; bg: boolean }[] }

/** A syntax error, described as ash and dash name the offending token (`"fi"`, `end of file`, `newline`). */
export class ShSyntaxError extends Error {
  constructor(readonly token: string, readonly expecting?: string, readonly unterminated = false) {
    super(unterminated ? 'unterminated quoted string' : `unexpected ${token}`);
  }
}

type Token =
  | { k: 'word'; word: Word; raw: string }
  | { k: 'op'; v: string; fd?: number }
  | { k: 'nl' }
  | { k: 'eof' };

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const OPS = ['&&', '||', ';;', '>>', '>&', '<&', '>|', '<<', ';', '&', '|', '(', ')', '>', '<'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Index just past the `)` closing a `$(` that starts at `i` (after the `(`), skipping quotes and nested parens. */
function matchParen(src: string, i: number): number {
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === "'") { const j = src.indexOf("'", i + 1); if (j < 0) break; i = j + 1; }
    else if (c === '"') { i++; while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1; i++; }
    else { if (c === '(') depth++; else if (c === ')' && --depth === 0) return i + 1; i++; }
  }
  throw new ShSyntaxError('', undefined, true);
}

/** Reads a `$…` expansion at `i` (pointing at `$`); returns the part and the index after it. */
function readDollar(src: string, i: number, q: boolean): [WordPart, number] {
  const c = src[i + 1];
  if (c === '(' && src[i + 2] === '(') {
    const end = matchParen(src, i + 3);
    if (src[end] !== ')') throw new ShSyntaxError('', undefined, true);
    return [{ t: 'arith', src: src.slice(i + 3, end - 1), q }, end + 1];
  }
  if (c === '(') {
    const end = matchParen(src, i + 2);
    return [{ t: 'cmd', src: src.slice(i + 2, end - 1), q }, end];
  }
  if (c === '{') {
    const close = src.indexOf('}', i + 2);
    if (close < 0) throw new ShSyntaxError('', undefined, true);
    const inner = src.slice(i + 2, close);
    if (inner.startsWith('#') && inner.length > 1) return [{ t: 'param', name: inner.slice(1), op: '#len', q }, close + 1];
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!])(:?[-=+?])?(.*)$/s.exec(inner);
    if (!m) return [{ t: 'lit', s: `\${${inner}}`, q: true }, close + 1];
    return [{ t: 'param', name: m[1], op: m[2], arg: m[2] ? lexWordText(m[3], q) : undefined, q }, close + 1];
  }
  if (c !== undefined && /[?$#@*!0-9-]/.test(c)) return [{ t: 'param', name: c, q }, i + 2];
  const m = NAME.exec(src.slice(i + 1));
  if (m) return [{ t: 'param', name: m[0], q }, i + 1 + m[0].length];
  return [{ t: 'lit', s: '$', q: true }, i + 1];
}

/** Splits the text of a `${x:-word}` argument into parts (no further word splitting of its own). */
function lexWordText(text: string, q: boolean): Word {
  const parts: Word = [];
  let lit = '';
  for (let i = 0; i < text.length;) {
    if (text[i] === '$') {
      if (lit) { parts.push({ t: 'lit', s: lit, q }); lit = ''; }
      const [p, j] = readDollar(text, i, q);
      parts.push(p);
      i = j;
    } else lit += text[i++];
  }
  if (lit) parts.push({ t: 'lit', s: lit, q });
  return parts;
}

/** Splits source text into tokens. Throws ShSyntaxError on an unterminated quote. */
function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n') { out.push({ k: 'nl' }); i++; continue; }
    const io = /^([0-9])[<>]/.exec(src.slice(i, i + 2));
    const opStart = io ? i + 1 : i;
    const op = OPS.find((o) => src.startsWith(o, opStart));
    if (op && (io || !/[0-9]/.test(c))) {
      out.push({ k: 'op', v: op, fd: io ? Number(io[1]) : undefined });
      i = opStart + op.length;
      continue;
    }
    // A word: up to an unquoted metacharacter.
    const parts: Word = [];
    let lit = '';
    const start = i;
    const flush = (q: boolean) => { if (lit) { parts.push({ t: 'lit', s: lit, q }); lit = ''; } };
    while (i < src.length && !META.has(src[i])) {
      const ch = src[i];
      if (ch === '\\') {
        flush(false);
        if (src[i + 1] === '\n') { i += 2; continue; }
        if (i + 1 < src.length) parts.push({ t: 'lit', s: src[i + 1], q: true });
        i += 2;
      } else if (ch === "'") {
        flush(false);
        const j = src.indexOf("'", i + 1);
        if (j < 0) throw new ShSyntaxError('', undefined, true);
        parts.push({ t: 'lit', s: src.slice(i + 1, j), q: true });
        i = j + 1;
      } else if (ch === '"') {
        flush(false);
        i++;
        let s = '';
        let closed = false;
        while (i < src.length) {
          const d = src[i];
          if (d === '"') { closed = true; i++; break; }
          if (d === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1])) {
            if (src[i + 1] !== '\n') s += src[i + 1];
            i += 2;
          } else if (d === '$' || d === '`') {
            if (s) { parts.push({ t: 'lit', s, q: true }); s = ''; }
            if (d === '`') {
              const j = src.indexOf('`', i + 1);
              if (j < 0) throw new ShSyntaxError('', undefined, true);
              parts.push({ t: 'cmd', src: src.slice(i + 1, j), q: true });
              i = j + 1;
            } else {
              const [p, j] = readDollar(src, i, true);
              parts.push(p);
              i = j;
            }
          } else { s += d; i++; }
        }
        if (!closed) throw new ShSyntaxError('', undefined, true);
        parts.push({ t: 'lit', s, q: true });
      } else if (ch === '$') {
        flush(false);
        const [p, j] = readDollar(src, i, false);
        parts.push(p);
        i = j;
      } else if (ch === '`') {
        flush(false);
        const j = src.indexOf('`', i + 1);
        if (j < 0) throw new ShSyntaxError('', undefined, true);
        parts.push({ t: 'cmd', src: src.slice(i + 1, j), q: false });
        i = j + 1;
      } else { lit += ch; i++; }
    }
    flush(false);
    out.push({ k: 'word', word: parts, raw: src.slice(start, i) });
  }
  out.push({ k: 'eof' });
  return out;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', '{', '}', '!', 'case', 'esac']);

/** Parses a script into a command list. Throws ShSyntaxError. Pure. */
export function parseScript(src: string): List {
  const toks = lex(src);
  let pos = 0;
  const peek = () => toks[pos];
  /** The token as an error message names it. */
  const describe = (t: Token) => t.k === 'eof' ? 'end of file' : t.k === 'nl' ? 'newline' : `"${t.k === 'op' ? t.v : t.raw}"`;
  const isWord = (t: Token, w: string) => t.k === 'word' && t.raw === w && t.word.length === 1 && t.word[0].t === 'lit' && !t.word[0].q;
  const isReserved = (t: Token) => t.k === 'word' && RESERVED.has(t.raw) && isWord(t, t.raw);
  const skipNl = () => { while (peek().k === 'nl') pos++; };
  const expectWord = (w: string) => {
    skipNl();
    if (!isWord(peek(), w)) throw new ShSyntaxError(describe(peek()), w);
    pos++;
  };

  function list(stops: string[]): List {
    const items: List['items'] = [];
    skipNl();
    for (;;) {
      const t = peek();
      if (t.k === 'eof' || (t.k === 'op' && t.v === ')') || stops.some((s) => isWord(t, s))) break;
      const ao = andOr();
      let bg = false;
      const sep = peek();
      if (sep.k === 'op' && (sep.v === ';' || sep.v === '&')) { bg = sep.v === '&'; pos++; }
      else if (sep.k === 'nl') pos++;
      else if (!(sep.k === 'eof' || (sep.k === 'op' && sep.v === ')') || stops.some((s) => isWord(sep, s)))) throw new ShSyntaxError(describe(sep));
      items.push({ ao, bg });
      skipNl();
    }
    return { items };
  }

  function andOr(): AndOr {
    const first = pipeline();
    const rest: AndOr['rest'] = [];
    for (let t = peek(); t.k === 'op' && (t.v === '&&' || t.v === '||'); t = peek()) {
      pos++;
      skipNl();
      rest.push({ op: t.v as '&&' | '||', p: pipeline() });
    }
    return { first, rest };
  }

  function pipeline(): Pipeline {
    let bang = false;
    if (isWord(peek(), '!')) { bang = true; pos++; }
    const cmds = [command()];
    while (peek().k === 'op' && (peek() as { v: string }).v === '|') {
      pos++;
      skipNl();
      cmds.push(command());
    }
    return { bang, cmds };
  }

  function redirs(into: Redir[]): boolean {
    const t = peek();
    if (t.k !== 'op' || !['>', '>>', '<', '>&', '<&', '>|'].includes(t.v)) return false;
    pos++;
    const target = peek();
    if (target.k !== 'word') throw new ShSyntaxError(describe(target));
    pos++;
    const op = (t.v === '>|' ? '>' : t.v) as Redir['op'];
    into.push({ fd: t.fd ?? (op[0] === '<' ? 0 : 1), op, target: target.word });
    return true;
  }

  function trailing(): Redir[] {
    const r: Redir[] = [];
    while (redirs(r));
    return r;
  }

  function command(): Command {
    const t = peek();
    if (t.k === 'op' && t.v === '(') {
      pos++;
      const body = list([]);
      if (!(peek().k === 'op' && (peek() as { v: string }).v === ')')) throw new ShSyntaxError(describe(peek()), ')');
      pos++;
      return { t: 'group', body, subshell: true, redirs: trailing() };
    }
    if (isWord(t, '{')) {
      pos++;
      const body = list(['}']);
      expectWord('}');
      return { t: 'group', body, subshell: false, redirs: trailing() };
    }
    if (isWord(t, 'if')) {
      pos++;
      const arms: { cond: List; body: List }[] = [];
      let otherwise: List | undefined;
      for (;;) {
        const cond = list(['then']);
        expectWord('then');
        arms.push({ cond, body: list(['elif', 'else', 'fi']) });
        if (isWord(peek(), 'elif')) { pos++; continue; }
        if (isWord(peek(), 'else')) { pos++; otherwise = list(['fi']); }
        expectWord('fi');
        break;
      }
      return { t: 'if', arms, otherwise, redirs: trailing() };
    }
    if (isWord(t, 'while') || isWord(t, 'until')) {
      pos++;
      const cond = list(['do']);
      expectWord('do');
      const body = list(['done']);
      expectWord('done');
      return { t: 'loop', until: (t as { raw: string }).raw === 'until', cond, body, redirs: trailing() };
    }
    if (isWord(t, 'for')) {
      pos++;
      const name = peek();
      if (name.k !== 'word' || !NAME.test(name.raw)) throw new ShSyntaxError(describe(name));
      pos++;
      let items: Word[] | undefined;
      skipNl();
      if (isWord(peek(), 'in')) {
        pos++;
        items = [];
        for (let w = peek(); w.k === 'word'; w = peek()) { items.push(w.word); pos++; }
        const sep = peek();
        if (sep.k === 'op' && sep.v === ';') pos++;
      } else if (peek().k === 'op' && (peek() as { v: string }).v === ';') pos++;
      expectWord('do');
      const body = list(['done']);
      expectWord('done');
      return { t: 'for', name: (name as { raw: string }).raw, items, body, redirs: trailing() };
    }
    if (isReserved(t) && t.k === 'word' && t.raw !== '{' && t.raw !== '!') throw new ShSyntaxError(describe(t));
    // Simple command.
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const rs: Redir[] = [];
    for (;;) {
      if (redirs(rs)) continue;
      const w = peek();
      if (w.k !== 'word') break;
      const first = w.word[0];
      const eq = first?.t === 'lit' && !first.q ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s) : null;
      if (eq && words.length === 0) {
        const rest = first.t === 'lit' ? first.s.slice(eq[0].length) : '';
        assigns.push({ name: eq[1], value: [...(rest ? [{ t: 'lit' as const, s: rest, q: false }] : []), ...w.word.slice(1)] });
      } else words.push(w.word);
      pos++;
    }
    if (words.length === 0 && assigns.length === 0 && rs.length === 0) throw new ShSyntaxError(describe(peek()));
    return { t: 'simple', assigns, words, redirs: rs };
  }

  const result = list([]);
  if (peek().k !== 'eof') throw new ShSyntaxError(describe(peek()));
  return result;
}
