/**
 * The shape of the simulator's API schema: one entry per named OpenAPI type of core/v1 (and the meta/v1 types it
 * uses), keyed by its short name (`Probe`, `ObjectMeta`).
 *
 * A field type is written as Go-ish text:
 * - `string`, `boolean`, `int32`, `int64`, `double`;
 * - `[]T` for a list and `map[string]T` for a map;
 * - a named type: a struct of this schema, or one of the primitive names in PRIMITIVES (`Quantity`, `IntOrString`,
 *   `Time`, ...).
 */
export interface SchemaType {
  fields: Record<string, string>;
  required?: string[];
  enums?: Record<string, string[]>;
}
export type SchemaTypes = Record<string, SchemaType>;
