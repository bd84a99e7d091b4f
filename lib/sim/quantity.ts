/**
 * Resource quantities, exact: a value is `unscaled × 10^scale` with a bigint mantissa, never a float.
 * Models k8s.io/apimachinery/pkg/api/resource (v1.34): quantity.go (ParseQuantity, parseQuantityString,
 * CanonicalizeBytes, String, Cmp, Add, RoundUp, ScaledValue), amount.go (int64Amount, infDecAmount), suffix.go,
 * math.go and scale_int.go (scaledValue), with gopkg.in/inf.v0 Dec rounding. Upstream keeps a quantity either as an
 * int64Amount or as an inf.Dec; `dec` records which, because ScaledValue rounds the two differently for negatives.
 * Int32 wrap-around of exponents is kept; int64 overflow of values that cannot be resource amounts is not modelled.
 */

/** How a quantity is written back: `12e6`, `12Mi` or `12M`. */
export type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const splitREString = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
/** apimachinery's ErrFormatWrong, ErrNumeric and ErrSuffix texts. */
export const ErrFormatWrong = `quantities must match the regular expression '${splitREString}'`;
export const ErrNumeric = 'unable to parse numeric part of quantity';
export const ErrSuffix = "unable to parse quantity's suffix";

/** A ParseQuantity failure; the message is one of ErrFormatWrong, ErrNumeric, ErrSuffix. */
export class QuantityParseError extends Error {
  constructor(message: string) { super(message); this.name = 'QuantityParseError'; }
}

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const maxInt64Factors = 19; // math.go
const Nano = -9;
const int32 = (n: number) => n | 0;
const abs = (v: bigint) => (v < 0n ? -v : v);
const sgn = (v: bigint): -1 | 0 | 1 => (v < 0n ? -1 : v > 0n ? 1 : 0);
const digitCount = (v: bigint) => abs(v).toString().length;
const pow10 = (n: number) => 10n ** BigInt(n);

// suffix.go: the decimal and binary suffix tables (base, exponent).
const decSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binSuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decByExp = new Map(Object.entries(decSuffixes).map(([s, e]) => [e, s]));
const binByExp = new Map(Object.entries(binSuffixes).map(([s, e]) => [e, s]));

/** Models suffixHandler.interpret: base, exponent and format of a suffix, or undefined (ErrSuffix). */
function interpret(s: string): { base: 2 | 10; exponent: number; format: Format } | undefined {
  if (Object.hasOwn(decSuffixes, s)) return { base: 10, exponent: decSuffixes[s], format: 'DecimalSI' };
  if (Object.hasOwn(binSuffixes, s)) return { base: 2, exponent: binSuffixes[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'E' || s[0] === 'e')) {
    // strconv.ParseInt(s[1:], 10, 64), then int32(parsed) truncates, as v1.34 does.
    if (!/^[+-]?[0-9]+$/.test(s.slice(1))) return undefined;
    const parsed = BigInt(s.slice(1));
    if (parsed > MAX_INT64 || parsed < MIN_INT64) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Models parseQuantityString: the fast scanner that splits sign, number and suffix. */
function parseQuantityString(str: string): { positive: boolean; value: string; num: string; denom: string; suffix: string } {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') { positive = false; pos++; } else if (str[0] === '+') pos++;
  while (str[pos] === '0') pos++; // strip leading zeros
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  let num = str.slice(numStart, pos);
  if (pos >= end) return { positive, value: str, num, denom: '', suffix: '' };
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
    if (pos >= end) return { positive, value: str, num, denom, suffix: '' };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (isDigit(str[pos])) pos++;
  // A non-digit after the exponent: the last character was not a valid exponent.
  if (pos < end) throw new QuantityParseError(ErrFormatWrong);
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

/** Models inf.Dec Round(x, s, RoundUp) for |x|: the value rounded away from zero to `s` digits after the point. */
function roundUpDec(unscaled: bigint, infScale: number, s: number): { unscaled: bigint; infScale: number } {
  const shift = s - infScale;
  if (shift === 0) return { unscaled, infScale };
  // Upstream multiplies out; a shift beyond any real quantity would take the apiserver forever, so keep it unscaled.
  if (shift > 0) return shift > 1000 ? { unscaled, infScale } : { unscaled: unscaled * pow10(shift), infScale: s };
  if (unscaled === 0n) return { unscaled: 0n, infScale: s };
  if (-shift > digitCount(unscaled)) return { unscaled: BigInt(sgn(unscaled)), infScale: s };
  const d = pow10(-shift);
  const q = unscaled / d;
  return { unscaled: unscaled % d === 0n ? q : q + BigInt(sgn(unscaled)), infScale: s };
}

/** sign × ceil(|v| / 10^n): negativeScaleInt64's rounding away from zero, with whether it was exact. */
function divAwayFromZero(v: bigint, n: number): { value: bigint; exact: boolean } {
  if (n <= 0 || v === 0n) return { value: v * pow10(Math.max(0, -n)), exact: true };
  if (n > digitCount(v)) return { value: BigInt(sgn(v)), exact: false };
  const d = pow10(n);
  const q = v / d;
  const exact = v % d === 0n;
  return { value: exact ? q : q + BigInt(sgn(v)), exact };
}

/** Exact comparison of a×10^as with b×10^bs, settling different magnitudes before aligning scales. */
function cmpScaled(a: bigint, as: number, b: bigint, bs: number): -1 | 0 | 1 {
  const sa = sgn(a), sb = sgn(b);
  if (sa !== sb) return sa > sb ? 1 : -1;
  if (sa === 0) return 0;
  const ma = digitCount(a) + as, mb = digitCount(b) + bs;
  if (ma !== mb) return ((ma > mb ? 1 : -1) * sa) as -1 | 1;
  const [x, y] = as > bs ? [a * pow10(as - bs), b] : [a, b * pow10(bs - as)];
  return x === y ? 0 : x > y ? 1 : -1;
}

/**
 * A resource.Quantity. Immutable: operations return new quantities. `toString()` is upstream's String():
 * the string it was parsed from when that was already canonical, otherwise CanonicalizeBytes.
 */
export class Quantity {
  private constructor(
    /** Mantissa; the value is unscaled × 10^scale. */
    readonly unscaled: bigint,
    /** resource.Scale: the base-10 exponent (the negation of an inf.Dec scale). */
    readonly scale: number,
    readonly format: Format,
    private readonly s: string,
    /** Whether upstream would hold this value as an inf.Dec rather than an int64Amount. */
    readonly dec: boolean,
  ) {}

  /** @internal */
  static of(unscaled: bigint, scale: number, format: Format, s = '', dec = false): Quantity {
    return new Quantity(unscaled, scale, format, s, dec);
  }

  /** resource.Quantity{} with a format: zero. */
  static zero(format: Format = 'DecimalSI'): Quantity { return new Quantity(0n, 0, format, '', false); }

  isZero(): boolean { return this.unscaled === 0n; }
  sign(): -1 | 0 | 1 { return sgn(this.unscaled); }

  /** -1, 0 or 1 as this is less than, equal to or greater than y. Models Quantity.Cmp. */
  cmp(y: Quantity): -1 | 0 | 1 { return cmpScaled(this.unscaled, this.scale, y.unscaled, y.scale); }

  /** Models Quantity.CmpInt64. */
  cmpInt64(y: number | bigint): -1 | 0 | 1 { return cmpScaled(this.unscaled, this.scale, BigInt(y), 0); }

  /** The sum. Models Quantity.Add: the format is this one's, or y's when this is zero. */
  add(y: Quantity): Quantity {
    const format = this.isZero() ? y.format : this.format;
    if (Math.abs(this.scale - y.scale) > 10000 && !this.isZero() && !y.isZero()) {
      // Upstream would write out 10^gap (and stall); keep the operand of larger magnitude instead.
      const big = digitCount(this.unscaled) + this.scale >= digitCount(y.unscaled) + y.scale ? this : y;
      return new Quantity(big.unscaled, big.scale, format, '', true);
    }
    const scale = Math.min(this.scale, y.scale);
    const sum = this.unscaled * pow10(this.scale - scale) + y.unscaled * pow10(y.scale - scale);
    const dec = this.dec || y.dec || sum > MAX_INT64 || sum < MIN_INT64;
    return new Quantity(sum, scale, format, '', dec);
  }

  /**
   * Rounds up (away from zero) to at least `scale`; `exact` is false when precision was lost.
   * Models Quantity.RoundUp, which keeps the original string when the scale is already coarse enough.
   */
  roundUp(scale: number): { quantity: Quantity; exact: boolean } {
    if (this.dec) {
      const r = roundUpDec(this.unscaled, -this.scale, -scale);
      const rounded = new Quantity(r.unscaled, -r.infScale, this.format, '', true);
      return { quantity: rounded, exact: rounded.cmp(this) === 0 };
    }
    if (this.scale >= scale) return { quantity: this, exact: true };
    const { value, exact } = divAwayFromZero(this.unscaled, scale - this.scale);
    return { quantity: new Quantity(value, scale, this.format, '', false), exact };
  }

  /** ceil(q / 10^scale) as an int64, as bigint. Models Quantity.ScaledValue (int64Amount.AsScaledInt64 / scaledValue). */
  scaledValue(scale: number): bigint {
    if (!this.dec) {
      if (this.unscaled === 0n) return 0n;
      const delta = this.scale - scale;
      if (delta < 0) return -delta >= 19 ? BigInt(this.sign()) : divAwayFromZero(this.unscaled, -delta).value;
      const up = delta >= 19 ? undefined : this.unscaled * pow10(delta);
      if (up === undefined || up > MAX_INT64 || up < MIN_INT64) return this.unscaled < 0n ? MIN_INT64 : MAX_INT64;
      return up;
    }
    // scale_int.go scaledValue: the fast path truncates and adds 1; the big path floors and adds 1.
    const dif = -this.scale - -scale;
    if (dif <= 0) {
      const v = dif === 0 ? this.unscaled : (-dif >= 19 ? undefined : this.unscaled * pow10(-dif));
      return v === undefined ? (this.unscaled < 0n ? MIN_INT64 : MAX_INT64) : BigInt.asIntN(64, v);
    }
    if (abs(this.unscaled) < MAX_INT64 && dif < 19) {
      const d = pow10(dif);
      return this.unscaled / d + (this.unscaled % d !== 0n ? 1n : 0n);
    }
    if (dif > digitCount(this.unscaled)) return this.unscaled > 0n ? 1n : 0n; // floor(x/d) is -1 or 0, plus 1 if inexact
    const d = pow10(dif);
    const r = ((this.unscaled % d) + d) % d;
    return BigInt.asIntN(64, (this.unscaled - r) / d + (r !== 0n ? 1n : 0n));
  }

  /** ceil(q), as a number. Models Quantity.Value. */
  value(): number { return Number(this.scaledValue(0)); }
  /** ceil(q × 1000), as a number. Models Quantity.MilliValue. */
  milliValue(): number { return Number(this.scaledValue(-3)); }
  /** MilliValue, for callers that account in milli-units. */
  get milli(): number { return this.milliValue(); }

  /** The canonical form (or the parsed string when that was canonical). Models Quantity.String. */
  toString(): string {
    if (this.s) return this.s;
    const [number, suffix] = this.canonicalizeBytes();
    return number + suffix;
  }

  /** The quantity as JSON writes it: its String(). */
  toJSON(): string { return this.toString(); }

  /**
   * Models CanonicalizeBytes (v1.34: a DecimalSI exponent beyond E has no suffix and is dropped, a bug fixed later).
   * BinarySI values in (-1024, 1024) or with a fraction are written as DecimalSI.
   */
  private canonicalizeBytes(): [string, string] {
    if (this.isZero()) return ['0', ''];
    let format = this.format;
    if (format === 'BinarySI') {
      if (this.cmpInt64(-1024) > 0 && this.cmpInt64(1024) < 0) format = 'DecimalSI';
      else if (!this.roundUp(0).exact) format = 'DecimalSI';
      else if (this.scale > 64) format = 'DecimalSI'; // no binary suffix fits; upstream would print every digit
    }
    if (format === 'BinarySI') {
      // AsCanonicalBase1024Bytes on the (integral) value.
      let amount = this.scale >= 0 ? this.unscaled * pow10(this.scale) : this.unscaled / pow10(-this.scale);
      let exponent = 0;
      while (abs(amount) >= 1024n && amount % 1024n === 0n) { amount /= 1024n; exponent++; }
      return [amount.toString(), binByExp.get(exponent * 10) ?? ''];
    }
    // AsCanonicalBytes: move factors of 10 into the exponent, then make the exponent a multiple of 3.
    let amount = this.unscaled;
    let exponent = int32(this.scale);
    while (abs(amount) >= 10n && amount % 10n === 0n) { amount /= 10n; exponent = int32(exponent + 1); }
    while (exponent % 3 !== 0) { amount *= 10n; exponent = int32(exponent - 1); }
    const suffix = format === 'DecimalExponent' ? (exponent === 0 ? '' : `e${exponent}`) : (decByExp.get(exponent) ?? '');
    return [amount.toString(), suffix];
  }
}

/** Parses a quantity or throws QuantityParseError with apimachinery's message. Models ParseQuantity. */
export function parseQuantityOrThrow(str: string): Quantity {
  if (str.length === 0) throw new QuantityParseError(ErrFormatWrong);
  if (str === '0') return Quantity.of(0n, 0, 'DecimalSI', str);
  const { positive, value, num, denom, suffix } = parseQuantityString(str);
  const suf = interpret(suffix);
  if (!suf) throw new QuantityParseError(ErrSuffix);
  const { base, exponent } = suf;
  let format = suf.format;

  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      // 1Mi (2^20) has ~6 digits of decimal precision, so exponent*3/10 -1 is roughly the precision
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else precision = -1;
  } else {
    scale = exponent;
    precision = maxInt64Factors - (num.length + denom.length);
  }

  if (precision >= 0) {
    scale = int32(scale - denom.length);
    if (scale >= Nano) {
      const shifted = num + denom;
      const v = BigInt(shifted);
      if (v > MAX_INT64) throw new QuantityParseError(ErrNumeric); // strconv.ParseInt range error
      const product = v * mantissa;
      if (product <= MAX_INT64) { // int64Multiply did not overflow
        const result = positive ? product : -product;
        // if the number is in canonical form, reuse the string
        const canonical = format === 'BinarySI'
          ? exponent % 10 === 0 && (v & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return Quantity.of(result, scale, format, canonical ? str : '');
      }
    }
  }

  // The inf.Dec path. SetString needs at least one digit.
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(value);
  if (!m || (m[2] + (m[3] ?? '')).length === 0) throw new QuantityParseError(ErrNumeric);
  let unscaled = BigInt(`${m[1]}${m[2]}${m[3] ?? ''}` || '0');
  let infScale = (m[3] ?? '').length;
  if (base === 10) infScale = int32(infScale + int32(-exponent));
  else unscaled *= 1n << BigInt(exponent);

  const sign = sgn(unscaled);
  unscaled = abs(unscaled);
  // This rounds non-zero values up to the minimum representable value (nano), away from zero.
  if (unscaled !== 0n) ({ unscaled, infScale } = roundUpDec(unscaled, infScale, -Nano));
  // The max is just a simple cap.
  if (format === 'BinarySI' && cmpScaled(unscaled, -infScale, MAX_INT64, 0) > 0) { unscaled = MAX_INT64; infScale = 0; }
  if (format === 'BinarySI' && cmpScaled(unscaled, -infScale, 1n, 0) < 0 && unscaled > 0n) format = 'DecimalSI';
  if (sign === -1) unscaled = -unscaled;
  return Quantity.of(unscaled, -infScale, format, '', true);
}

/** Parses a quantity string; undefined when it is not one (see parseQuantityOrThrow for the reason). */
export function parseQuantity(str: string): Quantity | undefined {
  try { return parseQuantityOrThrow(typeof str === 'string' ? str : String(str)); } catch (e) { if (e instanceof QuantityParseError) return undefined; throw e; }
}

/** Parses a quantity that is known to be valid; throws otherwise. Models resource.MustParse. */
export function mustParse(str: string): Quantity {
  try { return parseQuantityOrThrow(str); } catch (e) { throw new Error(`cannot parse '${str}': ${(e as Error).message}`); }
}

// strings.TrimSpace: Go's unicode.IsSpace set (not JavaScript's, which adds U+FEFF and lacks U+0085).
const goSpace = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const goTrimRe = new RegExp(`^${goSpace}+|${goSpace}+$`, 'g');

/**
 * Decodes a JSON value into a quantity as the apiserver does (Quantity.UnmarshalJSON): null is zero, a number is
 * read from its JSON text, a string is trimmed; anything else fails to parse. Throws QuantityParseError.
 */
export function unmarshalQuantity(v: unknown): Quantity {
  if (v === null) return Quantity.zero();
  if (v instanceof Quantity) return v;
  const raw = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return parseQuantityOrThrow(raw.replace(goTrimRe, ''));
}
