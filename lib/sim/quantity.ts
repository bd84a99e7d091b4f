/**
 * Resource quantities. Parsing follows k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity's grammar
 * (<signedNumber><suffix>, suffixes: binary Ki..Ei, decimal n u m "" k M G T P E, or an e/E exponent).
 * Values are held as numbers of milli-units, enough for the course's comparisons and accounting.
 */

export interface ParsedQuantity { milli: number; format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent' }

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Message of apimachinery's ErrFormatWrong, as the apiserver reports an unparsable quantity. */
export const quantityFormatError = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'';

/** Parses a quantity string; undefined when it does not match the grammar. */
export function parseQuantity(s: string): ParsedQuantity | undefined {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(.*)$/.exec(s.trim());
  if (!m) return undefined;
  const num = Number(m[1]);
  const suffix = m[2];
  if (suffix in binary) return { milli: num * binary[suffix] * 1000, format: 'BinarySI' };
  if (suffix in decimal) return { milli: Math.round(num * decimal[suffix] * 1000 * 1e6) / 1e6, format: 'DecimalSI' };
  const e = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
  if (e) return { milli: num * 10 ** Number(e[1]) * 1000, format: 'DecimalExponent' };
  return undefined;
}
