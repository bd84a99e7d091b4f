/**
 * kubectl's JSONPath templates (`-o jsonpath=`, custom-columns, `--sort-by`). A port of kubernetes
 * staging/src/k8s.io/client-go/util/jsonpath parser.go + jsonpath.go (v1.34), keeping upstream names and error
 * texts. Data is plain JSON (kubectl runs templates over unstructured objects). Go map iteration is random; here map
 * keys are visited in sorted order so that output is repeatable.
 */
import { goJsonString } from './printers/json';
import { goQuote } from '../sim/errors';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

interface ParamsEntry { value: number; known: boolean; derived: boolean }

export type Node =
  | { type: 'NodeList'; nodes: Node[] }
  | { type: 'NodeText'; text: string }
  | { type: 'NodeField'; value: string }
  | { type: 'NodeIdentifier'; name: string }
  | { type: 'NodeArray'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'NodeFilter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'NodeInt'; value: number }
  | { type: 'NodeFloat'; value: number }
  | { type: 'NodeBool'; value: boolean }
  | { type: 'NodeWildcard' }
  | { type: 'NodeRecursive' }
  | { type: 'NodeUnion'; nodes: ListNode[] };
type ListNode = Extract<Node, { type: 'NodeList' }>;

const leftDelim = '{';
const rightDelim = '}';
const eof = '';

const newList = (): ListNode => ({ type: 'NodeList', nodes: [] });

const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
function isTerminator(r: string): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return [eof, '.', ',', '[', ']', '$', '@', '{', '}'].includes(r);
}

const dictKeyRex = /^'([^']*)'$/;
const sliceOperatorRex = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const filterRex = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** Go's strconv.Atoi: decimal with optional sign, within int64. */
function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** client-go jsonpath UnquoteExtend: strconv.Unquote that also accepts single-quoted strings. Throws on bad syntax. */
export function unquoteExtend(s: string): string {
  const n = s.length;
  if (n < 2) throw new Error('invalid syntax');
  const quote = s[0];
  if (quote !== s[n - 1] || (quote !== '"' && quote !== "'")) throw new Error('invalid syntax');
  s = s.slice(1, n - 1);
  if (!s.includes('\\') && !s.includes(quote)) return s;
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === quote) throw new Error('invalid syntax');
    if (c !== '\\') { out += c; i++; continue; }
    const e = s[i + 1];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (e === undefined) throw new Error('invalid syntax');
    if (e in simple) {
      if ((e === "'" || e === '"') && e !== quote) throw new Error('invalid syntax');
      out += simple[e]; i += 2; continue;
    }
    const hex = (len: number) => {
      const h = s.slice(i + 2, i + 2 + len);
      if (h.length !== len || !/^[0-9a-fA-F]+$/.test(h)) throw new Error('invalid syntax');
      i += 2 + len;
      return parseInt(h, 16);
    };
    if (e === 'x') out += String.fromCharCode(hex(2));
    else if (e === 'u') out += String.fromCodePoint(hex(4));
    else if (e === 'U') out += String.fromCodePoint(hex(8));
    else if (/[0-7]/.test(e)) {
      const o = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(o)) throw new Error('invalid syntax');
      out += String.fromCharCode(parseInt(o, 8)); i += 4;
    } else throw new Error('invalid syntax');
  }
  return out;
}

/** client-go jsonpath Parser: a hand-written scanner over runes, as parser.go. */
class Parser {
  root: ListNode = newList();
  input = '';
  pos = 0;
  start = 0;
  private runes: string[] = [];

  parse(text: string): void {
    this.runes = [...text];
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
  }

  private rest(): string { return this.runes.slice(this.pos).join(''); }
  private next(): string {
    if (this.pos >= this.runes.length) { this.pos++; return eof; }
    return this.runes[this.pos++];
  }
  private peek(): string { const r = this.next(); this.backup(); return r; }
  private backup(): void { this.pos--; }
  private consumeText(): string {
    const value = this.runes.slice(this.start, Math.min(this.pos, this.runes.length)).join('');
    this.start = this.pos;
    return value;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith(leftDelim)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'NodeText', text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === eof) break;
    }
    // Correctly reached EOF.
    this.pos = Math.min(this.pos, this.runes.length);
    if (this.pos > this.start) cur.nodes.push({ type: 'NodeText', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += leftDelim.length;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith(rightDelim)) return this.parseRightDelim();
      if (rest.startsWith('[?(')) return this.parseFilter(cur);
      if (rest.startsWith('..')) return this.parseRecursive(cur);
      const r = this.next();
      if (r === eof || isEndOfLine(r)) throw new Error('unclosed action');
      if (r === ' ' || r === '@' || r === '$') { this.consumeText(); continue; }
      if (r === '[') return this.parseArray(cur);
      if (r === '"' || r === "'") return this.parseQuote(cur, r);
      if (r === '.') return this.parseField(cur);
      if (r === '+' || r === '-' || isDigit(r)) { this.backup(); return this.parseNumber(cur); }
      if (isAlphaNumeric(r)) { this.backup(); return this.parseIdentifier(cur); }
      throw new Error(`unrecognized character in action: ${goRuneU(r)}`);
    }
  }

  private parseRightDelim(): void {
    this.pos += rightDelim.length;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'NodeBool', value: value === 'true' });
    else cur.nodes.push({ type: 'NodeIdentifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.length && cur.nodes[cur.nodes.length - 1].type === 'NodeRecursive') throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'NodeRecursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      r = this.next();
      if (r !== '.' && !isDigit(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== undefined) { cur.nodes.push({ type: 'NodeInt', value: i }); return this.parseInsideAction(cur); }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) { cur.nodes.push({ type: 'NodeFloat', value: Number(value) }); return this.parseInsideAction(cur); }
    throw new Error(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === eof || r === '\n') throw new Error('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    // union operator
    const strs = text.split(',');
    if (strs.length > 1) {
      const union = strs.map((str) => parseAction('union', `[${str.trim()}]`));
      cur.nodes.push({ type: 'NodeUnion', nodes: union });
      return this.parseInsideAction(cur);
    }
    // dict key
    const key = dictKeyRex.exec(text);
    if (key) {
      for (const node of parseAction('arraydict', `.${key[1]}`).nodes) cur.nodes.push(node);
      return this.parseInsideAction(cur);
    }
    // slice operator
    const m = sliceOperatorRex.exec(text);
    if (!m) throw new Error(`invalid array index ${text}`);
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false }, { value: 0, known: false, derived: false }, { value: 0, known: false, derived: false }];
    for (let i = 0; i < 3; i++) {
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1);
        if (i > 0 && value[i] === '') params[i].known = false;
        else {
          const n = atoi(value[i]);
          if (n === undefined) throw new Error(`array index ${value[i]} is not a number`);
          params[i].known = true;
          params[i].value = n;
        }
      } else if (i === 1) {
        params[i] = { known: true, value: params[0].value + 1, derived: true };
      } else {
        params[i] = { known: false, value: 0, derived: false };
      }
    }
    cur.nodes.push({ type: 'NodeArray', params });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === eof || r === '\n') throw new Error('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue; }
        // only add when met paired rune
        if (this.runes[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        // in rightParser below quotes only appear zero or once and must be paired at the beginning and end
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const value = filterRex.exec(text);
    if (!value) {
      cur.nodes.push({ type: 'NodeFilter', left: parseAction('text', text), right: newList(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'NodeFilter', left: parseAction('left', value[1]), right: parseAction('right', value[3]), operator: value[2] });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === eof || r === '\n') throw new Error('unterminated quoted string');
      if (r === '\\') {
        const n = this.next();
        if (n !== eof && n !== '\n') continue;
        break;
      }
      if (r === end) break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch {
      throw new Error(`unquote string ${value} error invalid syntax`);
    }
    cur.nodes.push({ type: 'NodeText', text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) { /* scan to the next unescaped terminator */ }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'NodeWildcard' });
    else cur.nodes.push({ type: 'NodeField', value: value.replaceAll('\\', '') });
    this.parseInsideAction(cur);
  }

  /** Scans until the next non-escaped terminator. */
  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) { this.backup(); return false; }
    return true;
  }
}

/** Go's %#U: `U+0021 '!'`. */
function goRuneU(r: string): string {
  return `U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

function parseAction(name: string, text: string): ListNode {
  const p = new Parser();
  p.parse(`${leftDelim}${text}${rightDelim}`);
  return p.root.nodes[0] as ListNode;
}

/** Parses a template; throws Error with client-go's message (`unclosed action`, `invalid array index x`, ...). */
export function parseJSONPath(text: string): ListNode {
  const p = new Parser();
  p.parse(text);
  return p.root;
}

// A value in flight: `undefined` never appears (missing fields are simply not produced). Strings' runes come out of
// wildcards and recursion as bytes, as reflect.Value.Index on a Go string yields uint8.
type Value = JsonValue;

const isMap = (v: Value): v is { [k: string]: JsonValue } => v !== null && typeof v === 'object' && !Array.isArray(v);
const goTypeName = (v: Value): string => {
  if (v === null) return 'interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
};
const utf8Bytes = (s: string): number[] => [...new TextEncoder().encode(s)];

/** Go's template comparison helpers (text/template funcs.go eq/lt): same basic kinds only. */
function compare(op: string, left: Value, right: Value): boolean {
  // Go tells int64 from float64 (`1` vs `1.0`) and will not compare them; JSON numbers here are all one kind.
  const kind = (v: Value) => typeof v;
  if (op === '==' || op === '!=') {
    if (kind(left) !== kind(right)) {
      if (left === null || right === null) return op === '==' ? left === right : left !== right;
      throw new Error('incompatible types for comparison');
    }
    if (typeof left === 'object' && left !== null) throw new Error('invalid type for comparison');
    return op === '==' ? left === right : left !== right;
  }
  if (kind(left) !== kind(right)) throw new Error('incompatible types for comparison');
  if (typeof left === 'boolean' || typeof left === 'object') throw new Error('invalid type for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case '<': return l < r;
    case '>': return l > r;
    case '<=': return l <= r;
    case '>=': return l >= r;
  }
  throw new Error(`unrecognized filter operator ${op}`);
}

/** A parsed template bound to its options; `execute` is pure apart from the range counters it resets per call. */
export class JSONPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;
  private allowMissingKeys = false;
  private outputJSON = false;
  root: ListNode | undefined;

  constructor(readonly name: string) {}

  /** Parses `text`; throws the parser's error. */
  parse(text: string): this {
    this.root = parseJSONPath(text);
    return this;
  }

  /** Missing fields produce nothing instead of `x is not found` (kubectl: --allow-missing-template-keys, default true). */
  setAllowMissingKeys(allow: boolean): this { this.allowMissingKeys = allow; return this; }
  /** Print every result as indented JSON (`-o jsonpath-as-json`). */
  enableJSONOutput(v: boolean): this { this.outputJSON = v; return this; }

  /** Returns the template's text for `data`; throws Error with client-go's message on an evaluation error. */
  execute(data: JsonValue): string {
    this.beginRange = this.inRange = this.endRange = 0;
    return this.findResults(data, this.root!.nodes).map((r) => this.printResults(r)).join('');
  }

  /** The value lists each top-level node yields, with `{range}` blocks expanded. */
  findResults(data: JsonValue, nodes: Node[] = this.root!.nodes): Value[][] {
    const fullResult: Value[][] = [];
    const cur: Value[] = [data];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      // encounter an end node, break the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      // encounter a range node, start a range loop
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) fullResult.push(...this.findResults(value, nodes.slice(i + 1)));
        } else {
          // If the range has no results, still process the nodes within it so that lastEndNode is set.
          this.findResults(null, nodes.slice(i + 1));
        }
        this.inRange--;
        // Fast forward to resume processing after the most recent end node that was encountered.
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) { i = k; break; }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  /** jsonpath.go PrintResults: maps and arrays as compact JSON, scalars as Go's fmt.Print, space-separated. */
  printResults(results: Value[]): string {
    // With JSON output the whole result list prints as one indented JSON array.
    if (this.outputJSON) return goJsonIndent(results, '') + '\n';
    return results.map((r, i) => {
      let text: string;
      if (r !== null && typeof r === 'object') text = goJson(r);
      else text = r === null ? '<nil>' : String(r);
      return i !== results.length - 1 ? text + ' ' : text;
    }).join('');
  }

  private walk(value: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'NodeList': return this.evalList(value, node);
      case 'NodeText': return [node.text];
      case 'NodeField': return this.evalField(value, node.value);
      case 'NodeArray': return this.evalArray(value, node.params);
      case 'NodeFilter': return this.evalFilter(value, node);
      case 'NodeInt': case 'NodeFloat': case 'NodeBool': return value.map(() => node.value);
      case 'NodeWildcard': return this.evalWildcard(value);
      case 'NodeRecursive': return this.evalRecursive(value);
      case 'NodeUnion': return node.nodes.flatMap((l) => this.evalList(value, l));
      case 'NodeIdentifier': return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Value[], node: ListNode): Value[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    switch (name) {
      case 'range': this.beginRange++; return input;
      case 'end':
        if (this.inRange > 0) { this.endRange++; return []; }
        throw new Error('not in range, nothing to end');
      default: throw new Error(`unrecognized identifier ${name}`);
    }
  }

  private evalArray(input: Value[], p: [ParamsEntry, ParamsEntry, ParamsEntry]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null) continue;
      const items: Value[] | undefined = Array.isArray(value) ? value : undefined;
      if (!items) throw new Error(`${goTypeName(value)} is not array or slice`);
      const params = p.map((x) => ({ ...x }));
      const len = items.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value !== params[0].value) {
        if (params[0].value >= len || params[0].value < 0) throw new Error(`array index out of bounds: index ${params[0].value}, length ${len}`);
        if (params[1].value > len || params[1].value < 0) throw new Error(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
        if (params[0].value > params[1].value) throw new Error(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      } else {
        return result;
      }
      const slice = items.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new Error('step must be > 0');
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalField(input: Value[], field: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null) continue;
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, field)) results.push(value[field]);
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results;
      throw new Error(`${field} is not found`);
    }
    return results;
  }

  private children(value: Value): Value[] {
    if (isMap(value)) return Object.keys(value).sort().map((k) => value[k]);
    if (Array.isArray(value)) return value;
    if (typeof value === 'string') return utf8Bytes(value);
    return [];
  }

  private evalWildcard(input: Value[]): Value[] {
    return input.flatMap((v) => (v === null ? [] : this.children(v)));
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null) continue;
      const results = this.children(value);
      if (results.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(results));
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: Extract<Node, { type: 'NodeFilter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new Error(`${goV(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const temp = [item];
        let lefts: Value[];
        try {
          lefts = this.evalList(temp, node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

/** encoding/json Marshal of unstructured data: sorted keys, HTML-safe escaping. */
export function goJson(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${goJsonString(k)}:${goJson(v[k])}`).join(',')}}`;
  if (typeof v === 'string') return goJsonString(v);
  return String(v);
}

/** json.MarshalIndent(v, prefix, "    "). */
function goJsonIndent(v: JsonValue, indent: string): string {
  const inner = indent + '    ';
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => inner + goJsonIndent(x, inner)).join(',\n')}\n${indent}]` : '[]';
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return keys.length ? `{\n${keys.map((k) => `${inner}${goJsonString(k)}: ${goJsonIndent(v[k], inner)}`).join(',\n')}\n${indent}}` : '{}';
  }
  return goJson(v);
}

/** Go's `%v` of unstructured data (`map[a:b c:d]`, `[x y]`). */
export function goV(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.keys(v).sort().map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
  return String(v);
}

/** Go's `%#v` of unstructured data, as kubectl prints "object given to jsonpath engine was". */
export function goSharpV(v: JsonValue, inInterface = true): string {
  if (v === null) return inInterface ? 'interface {}(nil)' : '<nil>';
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x)).join(', ')}}`;
  if (typeof v === 'object') return `map[string]interface {}{${Object.keys(v).sort().map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ')}}`;
  if (typeof v === 'string') return goQuote(v);
  return String(v);
}
