/**
 * The typed, strict decode of a request body, as the apiserver's JSON serializer does it (k8s.io/apimachinery
 * runtime/serializer/json with sigs.k8s.io/json, v1.34):
 * - A value of the wrong JSON type fails the request with encoding/json's UnmarshalTypeError text, e.g.
 *   `json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string` (the
 *   struct and the field path without list indices); an integer that does not fit, or a fraction, reads
 *   `number 1.5`. Custom unmarshalers answer for their own types: Quantity (its parse error), IntOrString (an int32
 *   decode: `json: cannot unmarshal bool into Go value of type int32`) and Time (a string decode).
 * - Only the first such error is reported, in the order kubectl's JSON arrives (map keys sorted), as encoding/json
 *   keeps the first error it saves.
 * - Fields the schema does not know are removed from `obj` and listed as sigs.k8s.io/json reports them
 *   (`spec.containers[0].imagee`):
 *   the caller refuses them (`fieldValidation=Strict`, kubectl's default), warns, or drops them.
 */
import { decodeError } from '../errors';
import { QuantityParseError, unmarshalQuantity } from '../quantity';
import { fieldType, parseType, schemaType, type FieldType } from './index';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** encoding/json's name for a JSON value in UnmarshalTypeError (`number 1.5` for numbers that cannot be ints). */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return 'string';
}

/** The Go type a field decodes into, as reflect.Type.String() names it. */
function goType(t: FieldType): string {
  switch (t.kind) {
    case 'scalar': return { string: 'string', boolean: 'bool', int32: 'int32', int64: 'int64', double: 'float64' }[t.name];
    case 'list': return `[]${goType(t.of)}`;
    case 'map': return `map[string]${goType(t.of)}`;
    case 'struct': return `v1.${t.name}`;
    case 'primitive': return { Quantity: 'resource.Quantity', IntOrString: 'intstr.IntOrString', Time: 'v1.Time', MicroTime: 'v1.MicroTime', FieldsV1: 'v1.FieldsV1', RawExtension: 'runtime.RawExtension' }[t.name];
  }
}


/**
 * Decodes `obj` as the kind's type. Throws the apiserver's BadRequest (`Pod in version "v1" cannot be handled as a
 * Pod: ...`) for the first type error; returns the unknown fields' paths, in order.
 */
export function decodeObject(kind: string, obj: unknown): string[] {
  const unknown: string[] = [];
  let first: string | undefined;
  const fail = (msg: string) => { first ??= msg; };
  const mismatch = (v: unknown, struct: string, field: string, t: FieldType) => {
    fail(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${field} of type ${goType(t)}`);
  };

  // struct/goPath: the innermost Go struct and the JSON path of fields below the root (no indices), for type errors;
  // path: the path sigs.k8s.io/json reports unknown fields with (indices included).
  const value = (v: unknown, t: FieldType, struct: string, goPath: string, path: string): void => {
    if (v === null || v === undefined) return; // null decodes to the zero value
    switch (t.kind) {
      case 'scalar': {
        if (t.name === 'string') { if (typeof v !== 'string') mismatch(v, struct, goPath, t); return; }
        if (t.name === 'boolean') { if (typeof v !== 'boolean') mismatch(v, struct, goPath, t); return; }
        if (typeof v !== 'number') { mismatch(v, struct, goPath, t); return; }
        if (t.name === 'double') return;
        const bits = t.name === 'int32' ? 31 : 63;
        if (!Number.isInteger(v) || Math.abs(v) >= 2 ** bits + (v < 0 ? 1 : 0)) {
          fail(`json: cannot unmarshal number ${String(v)} into Go struct field ${struct}.${goPath} of type ${t.name}`);
        }
        return;
      }
      case 'primitive':
        if (t.name === 'Quantity') {
          try { unmarshalQuantity(v); } catch (e) { if (e instanceof QuantityParseError) fail(e.message); else throw e; }
        } else if (t.name === 'IntOrString') {
          if (typeof v === 'string') return;
          if (typeof v !== 'number') fail(`json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`);
          else if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 31 + (v < 0 ? 1 : 0)) fail(`json: cannot unmarshal number ${String(v)} into Go value of type int32`);
        } else if (t.name === 'Time' || t.name === 'MicroTime') {
          if (typeof v !== 'string') fail(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
        }
        return;
      case 'list':
        if (!Array.isArray(v)) { mismatch(v, struct, goPath, t); return; }
        v.forEach((x, i) => value(x, t.of, struct, goPath, `${path}[${i}]`));
        return;
      case 'map':
        if (!isObj(v)) { mismatch(v, struct, goPath, t); return; }
        for (const k of Object.keys(v).sort()) value(v[k], t.of, struct, goPath, `${path}[${k}]`);
        return;
      case 'struct': {
        if (!isObj(v)) { mismatch(v, struct, goPath, t); return; }
        for (const k of Object.keys(v).sort()) {
          const ft = fieldType(t.name, k);
          const sub = path ? `${path}.${k}` : k;
          if (!ft) { unknown.push(sub); delete v[k]; continue; }
          value(v[k], ft, t.name, goPath ? `${goPath}.${k}` : k, sub);
        }
      }
    }
  };
  if (!schemaType(kind)) return [];
  value(obj, parseType(kind), kind, '', '');
  if (first !== undefined) throw decodeError(kind, 'v1', first);
  return unknown;
}

/** The strict-decoding BadRequest for unknown fields (runtime.NewStrictDecodingError, joined with ", "). */
export function strictDecodingError(kind: string, unknown: string[]) {
  return decodeError(kind, 'v1', `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
}

