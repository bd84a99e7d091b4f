/**
 * The simulator's API schema (core/v1 as the v1.34 apiserver serves it): one source for the typed decode and strict
 * field validation of every request body (./decode) and for `kubectl explain` (lib/kubectl/explain.ts).
 * Structure: ./core-v1.gen.ts (generated). Descriptions, in our own words: ./descriptions.ts.
 */
import { CORE_V1 } from './core-v1.gen';
import type { SchemaType } from './types';

export type { SchemaType, SchemaTypes } from './types';
export { CORE_V1 };

/** Named types whose OpenAPI schema is not an object of fields (custom JSON in Go). */
export const PRIMITIVES = ['Quantity', 'IntOrString', 'Time', 'MicroTime', 'FieldsV1', 'RawExtension'] as const;
export type Primitive = (typeof PRIMITIVES)[number];

export type FieldType =
  | { kind: 'scalar'; name: 'string' | 'boolean' | 'int32' | 'int64' | 'double' }
  | { kind: 'list'; of: FieldType }
  | { kind: 'map'; of: FieldType }
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'struct'; name: string };

const parsed = new Map<string, FieldType>();

/** Parses a field type as core-v1.gen.ts writes it (`[]Container`, `map[string]Quantity`, `int32`). */
export function parseType(t: string): FieldType {
  let r = parsed.get(t);
  if (r) return r;
  if (t.startsWith('[]')) r = { kind: 'list', of: parseType(t.slice(2)) };
  else if (t.startsWith('map[string]')) r = { kind: 'map', of: parseType(t.slice('map[string]'.length)) };
  else if (t === 'string' || t === 'boolean' || t === 'int32' || t === 'int64' || t === 'double') r = { kind: 'scalar', name: t };
  else if ((PRIMITIVES as readonly string[]).includes(t)) r = { kind: 'primitive', name: t as Primitive };
  else if (CORE_V1[t]) r = { kind: 'struct', name: t };
  else throw new Error(`schema: unknown type ${t}`);
  parsed.set(t, r);
  return r;
}

/** The schema of a struct type, e.g. `schemaType('Probe')`. */
export function schemaType(name: string): SchemaType | undefined {
  return Object.prototype.hasOwnProperty.call(CORE_V1, name) ? CORE_V1[name] : undefined;
}

/** The field's type within a struct, or undefined if the struct has no such field. */
export function fieldType(struct: string, field: string): FieldType | undefined {
  const s = schemaType(struct);
  return s && Object.prototype.hasOwnProperty.call(s.fields, field) ? parseType(s.fields[field]) : undefined;
}
