/**
 * `kubectl get -o json`.
 * Models kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/json.go JSONPrinter (v1.34): kubectl holds objects as
 * unstructured maps, so Go's encoding/json (1.24) sorts keys bytewise, escapes <, > and & for HTML, and
 * json.MarshalIndent(obj, "", "    ") indents by four spaces; kubectl appends a newline.
 */

const hex = (n: number) => '\\u' + n.toString(16).padStart(4, '0');

/** Quotes a string as Go's encoding/json does with HTML escaping on (encodeState.string). */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += hex(c);
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else out += ch;
  }
  return out + '"';
}

// Go sorts map keys as byte strings; UTF-8 byte order is code point order.
const byCodePoint = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
};

/** Encodes as Go's encoding/json; `indent` null is json.Marshal's compact form, a string MarshalIndent's. */
function encode(v: unknown, indent: string | null): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  // JavaScript and Go agree on number text: shortest round trip, exponent below 1e-6 and from 1e21.
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  const inner = indent === null ? null : indent + '    ';
  const open = inner === null ? '' : `\n${inner}`;
  const sep = inner === null ? ',' : `,\n${inner}`;
  const close = indent === null ? '' : `\n${indent}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${open}${v.map((x) => encode(x, inner)).join(sep)}${close}]`;
  }
  const keys = Object.keys(v).sort(byCodePoint);
  if (keys.length === 0) return '{}';
  const o = v as Record<string, unknown>;
  const colon = inner === null ? ':' : ': ';
  return `{${open}${keys.map((k) => `${goJsonString(k)}${colon}${encode(o[k], inner)}`).join(sep)}${close}}`;
}

/** Go's json.Marshal of an unstructured object: compact, keys sorted, HTML-escaped (kubectl's last-applied JSON). */
export function goJsonMarshal(obj: unknown): string {
  return encode(JSON.parse(JSON.stringify(obj)), null);
}

/** Returns `obj` as `kubectl get -o json` prints it, trailing newline included. Pure. */
export function toJson(obj: unknown): string {
  return encode(JSON.parse(JSON.stringify(obj)), '') + '\n';
}

/** Returns several objects wrapped in the `List` kubectl prints when a get returns more than one object (or a list). */
export function toJsonList(items: unknown[]): string {
  return toJson({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}
