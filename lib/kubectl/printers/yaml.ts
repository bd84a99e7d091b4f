/**
 * `kubectl get -o yaml`.
 * kubectl prints with sigs.k8s.io/yaml Marshal: the object goes through JSON and back through go-yaml v2 (the
 * goyaml.v2 fork, = gopkg.in/yaml.v2 v2.4.0), whose encoder then emits it. Ported here:
 * - sigs.k8s.io/yaml yaml.go Marshal / JSONToYAML;
 * - goyaml.v2 encode.go (stringv scalar style, intv/floatv), sorter.go keyList.Less (map key order), resolve.go
 *   resolve (which strings would read back as another type), emitterc.go (block emitter, scalar analysis and
 *   style selection, plain/single/double-quoted/literal writers with folding at best_width 80), yamlprivateh.go
 *   character classes.
 * Only the paths a JSON document can reach are ported: no anchors, tags, flow style beyond `{}`/`[]`, or folded style.
 */

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

// --- resolve.go: would this plain scalar read back as something other than a string? ---

const resolveMap = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// strconv.ParseInt/ParseUint(s, 0, 64) syntax: sign, then 0x/0o/0b prefix, leading-0 octal or decimal. Out-of-range
// values still resolve to an int (through big.Int), so only the syntax matters.
const goIntSyntax = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
// strconv.ParseFloat succeeds on a yamlStyleFloat unless it overflows
const goFloat = (s: string) => yamlStyleFloat.test(s) && Number.isFinite(Number(s));

const daysIn = (month: number, year: number) =>
  [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

// resolve.go parseTimestamp: time.Parse against "2006-1-2T15:4:5.999999999Z07:00" (also with a lower-case t),
// "2006-1-2 15:4:5.999999999" and "2006-1-2".
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  if (m[4] === undefined) return true;
  if ((m[4] === ' ') === (m[8] !== undefined)) return false; // the T form needs a zone, the space form has none
  return Number(m[5]) < 24 && Number(m[6]) < 60 && Number(m[7]) < 60;
}

/** True when go-yaml v2 would read the unquoted scalar `s` back as a string (resolve("", s) returns !!str). */
function resolvesToString(s: string): boolean {
  // resolveTable: the first byte hints at the type; any other first byte means a string.
  const c = s[0];
  const hint = c === undefined ? 'N' : '+-'.includes(c) ? 'S' : c >= '0' && c <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : '';
  if (hint === '') return true;
  if (resolveMap.has(s)) return false;
  if (hint === '.') return !goFloat(s);
  if (hint === 'D' || hint === 'S') {
    const plain = s.replaceAll('_', '');
    return !isTimestamp(s) && !goIntSyntax.test(plain) && !goFloat(plain);
  }
  return true;
}

// encode.go isBase60Float
const base60float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const isBase60Float = (s: string) => /^[-+0-9]/.test(s) && s.includes(':') && base60float.test(s);

// --- number text ---

/** Go strconv.FormatFloat(f, 'g', -1, 64), as encode.go floatv prints a float64 (shortest digits; ftoa.go formatDigits). */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  const [mantissa, e] = f.toExponential().split('e');
  const exp = Number(e);
  // "if precision was the shortest possible, use precision 6 for this decision"
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

// The JSON text is what go-yaml resolves: an integer that fits int64/uint64 stays an int, anything else is a float64.
function numberText(n: number): string {
  const json = JSON.stringify(n);
  const fits = /^-?\d+$/.test(json) && BigInt(json) >= -(2n ** 63n) && BigInt(json) < 2n ** 64n;
  return fits ? json : formatFloatG(n);
}

// --- sorter.go keyList.Less for string keys ---

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);
const cp = (c: string) => c.codePointAt(0)!;

function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return cp(ar[i]) < cp(br[i]);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + cp(ar[ai]) - 48;
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + cp(br[bi]) - 48;
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return cp(ar[i]) < cp(br[i]);
  }
  return ar.length < br.length;
}

const sortKeys = (keys: string[]) => keys.sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));

// --- yamlprivateh.go character classes, on code points (Go works on the UTF-8 bytes of the same characters) ---

const isBreak = (c: string | undefined) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined) => c === ' ';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isBlankz = (c: string) => isBlank(c) || isBreak(c) || c === '\0';
function isPrintable(c: string): boolean {
  const x = cp(c);
  return x === 0x0a || (x >= 0x20 && x <= 0x7e) || (x >= 0xa0 && x <= 0xd7ff) || (x >= 0xe000 && x <= 0xfffd && x !== 0xfeff);
}

type Style = 'plain' | 'single' | 'double' | 'literal';

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// emitterc.go yaml_emitter_analyze_scalar (flow-only flags dropped: the document is block style throughout)
function analyzeScalar(value: string): ScalarAnalysis {
  const v = [...value];
  if (v.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true; // the emitter is in unicode mode, so non-ASCII is fine
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) a.blockPlainAllowed = a.singleQuotedAllowed = a.blockAllowed = false;
  if (lineBreaks || blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// encode.go stringv: literal for multi-line text, plain when it reads back as the same string, else double-quoted
function stringStyle(s: string): Style {
  if (s.includes('\n')) return 'literal';
  return resolvesToString(s) && !isBase60Float(s) ? 'plain' : 'double';
}

const utf8 = new TextEncoder();
const BEST_INDENT = 2;
const BEST_WIDTH = 80;

interface Context {
  mapping?: boolean;
  simpleKey?: boolean;
}

/** The emitter state of emitterc.go that a block-style document touches. */
class Emitter {
  out = '';
  column = 0;
  indent = -1;
  indents: number[] = [];
  whitespace = true;
  indention = true;
  mappingContext = false;
  simpleKeyContext = false;

  put(c: string) {
    this.out += c;
    this.column++;
  }

  putBreak() {
    this.out += '\n';
    this.column = 0;
  }

  writeBreak(c: string) {
    if (c === '\n') this.putBreak();
    else {
      this.out += c;
      this.column = 0;
    }
  }

  increaseIndent(flow: boolean, indentless: boolean) {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent() {
    this.indent = this.indents.pop()!;
  }

  writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  node(v: Value, ctx: Context) {
    this.mappingContext = ctx.mapping ?? false;
    this.simpleKeyContext = ctx.simpleKey ?? false;
    if (v === null) this.scalar('null', 'plain');
    else if (typeof v === 'boolean') this.scalar(String(v), 'plain');
    else if (typeof v === 'number') this.scalar(numberText(v), 'plain');
    else if (typeof v === 'string') this.scalar(v, stringStyle(v));
    else if (Array.isArray(v)) this.sequence(v);
    else this.mapping(v);
  }

  // An empty collection is a flow collection: `[]`, `{}`.
  emptyFlow(open: string, close: string) {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  sequence(items: Value[]) {
    if (items.length === 0) return this.emptyFlow('[', ']');
    // a sequence that is a mapping value is not indented: `key:\n- item`
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, {});
    }
    this.popIndent();
  }

  mapping(m: { [key: string]: Value }) {
    const keys = sortKeys(Object.keys(m));
    if (keys.length === 0) return this.emptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      // yaml_emitter_check_simple_key: one line of at most 128 bytes
      if (!analyzeScalar(key).multiline && utf8.encode(key).length <= 128) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(m[key], { mapping: true });
    }
    this.popIndent();
  }

  scalar(value: string, requested: Style) {
    const a = analyzeScalar(value);
    // yaml_emitter_select_scalar_style
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain' && (!a.blockPlainAllowed || (value === '' && this.simpleKeyContext))) style = 'single';
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.simpleKeyContext)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(value, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(value, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(value, allowBreaks);
    else this.writeLiteral(value);
    this.popIndent();
  }

  writePlain(value: string, allowBreaks: boolean) {
    if (!this.whitespace) this.put(' ');
    const v = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v[i + 1])) this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(value: string, allowBreaks: boolean) {
    this.writeIndicator("'", true, false, false);
    const v = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v[i + 1])) this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(value: string, allowBreaks: boolean) {
    this.writeIndicator('"', true, false, false);
    const v = [...value];
    const bom = v[0] === '\ufeff'; // Go's is_bom(value, i) looks at the start of the value, whatever i is
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        const x = cp(c);
        const named: Record<number, string> = {
          0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
          0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
        };
        if (x in named) this.put(named[x]);
        else {
          const [prefix, width] = x <= 0xff ? ['x', 2] : x <= 0xffff ? ['u', 4] : ['U', 8];
          for (const d of prefix + x.toString(16).toUpperCase().padStart(width, '0')) this.put(d);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (isSpace(v[i + 1])) this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(value: string) {
    this.writeIndicator('|', true, false, false);
    // yaml_emitter_write_block_scalar_hints
    const v = [...value];
    if (isSpace(v[0]) || isBreak(v[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = v.length - 1;
    const chomp = !isBreak(v[last]) ? '-' : last === 0 || isBreak(v[last - 1]) ? '+' : '';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** Returns `obj` as `kubectl get -o yaml` prints it (sigs.k8s.io/yaml.Marshal), trailing newline included. Pure. */
export function toYaml(obj: unknown): string {
  const e = new Emitter();
  e.node(JSON.parse(JSON.stringify(obj)) as Value, {});
  e.writeIndent(); // yaml_emitter_emit_document_end ends the last line
  return e.out;
}

/** Returns several objects wrapped in the `List` kubectl prints when a get returns more than one object (or a list). */
export function toYamlList(items: unknown[]): string {
  return toYaml({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}
