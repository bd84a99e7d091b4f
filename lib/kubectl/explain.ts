/**
 * `kubectl explain`'s plaintext renderer over the simulator's schema (lib/sim/schema).
 *
 * A port of kubectl v1.34 pkg/explain/v2/templates/plaintext.tmpl and its funcs (funcs.go: wrap, indent), template
 * by template, applied to the OpenAPI v3 document the apiserver would serve for our types:
 * - a kind is a components schema with properties;
 * - a field of a named type is `{allOf: [{$ref}], description}`, so its description is followed by the type's;
 * - lists have `items` and maps `additionalProperties`;
 * - Quantity and IntOrString have no `type` (one-of schemas), so typeGuess shows their names.
 *
 * Details kept from upstream:
 * - `wrap` first deletes every newline (kubernetes #126533, v1.32+), so a field's description and its type's run
 *   together ("...Cannot be updated.A single application container...") exactly as real kubectl prints them;
 * - fields are listed in Go's sorted map order;
 * - a bad field path names the path's last element, after the KIND/VERSION header was already written to stdout
 *   (kubectl#1872, fixed only in v1.37), wrapped in Go text/template's ExecError context.
 */
import { fieldType, schemaType, type FieldType } from '../sim/schema';
import { DESCRIPTIONS } from '../sim/schema/descriptions';
import { wrapString } from './help';

/** A node of the OpenAPI document the template walks. */
type FieldNode = { t: 'field'; owner: string; name: string; type: FieldType };
type Node = { t: 'kind'; name: string } | FieldNode | { t: 'elem'; type: FieldType } | { t: 'ref'; name: string };

const describe = (type: string, field = ''): string | undefined => DESCRIPTIONS[type]?.[field];

/** resolveRef: a $ref resolves to its named schema (a struct of fields, or a primitive's schema). */
function resolve(n: Node): Node {
  return n.t === 'ref' ? { t: 'kind', name: n.name } : n;
}
function properties(n: Node): string[] {
  if (n.t !== 'kind') return [];
  return Object.keys(schemaType(n.name)?.fields ?? {}).sort();
}
function property(n: Node, name: string): FieldNode | undefined {
  if (n.t !== 'kind') return undefined;
  const ft = fieldType(n.name, name);
  return ft && { t: 'field', owner: n.name, name, type: ft };
}
/** The schema's items / additionalProperties / allOf, as the v3 document nests them. */
function items(n: Node): Node | undefined {
  const ft = n.t === 'field' || n.t === 'elem' ? n.type : undefined;
  return ft?.kind === 'list' ? { t: 'elem', type: ft.of } : undefined;
}
function additionalProperties(n: Node): Node | undefined {
  const ft = n.t === 'field' || n.t === 'elem' ? n.type : undefined;
  return ft?.kind === 'map' ? { t: 'elem', type: ft.of } : undefined;
}
function allOf(n: Node): Node[] {
  const ft = n.t === 'field' || n.t === 'elem' ? n.type : undefined;
  return ft && (ft.kind === 'struct' || ft.kind === 'primitive') ? [{ t: 'ref', name: ft.name }] : [];
}
function ownDescription(n: Node): string | undefined {
  if (n.t === 'kind') return describe(n.name);
  if (n.t === 'field') return describe(n.owner, n.name);
  return undefined;
}
function enumOf(n: Node): string[] | undefined {
  return n.t === 'field' ? schemaType(n.owner)?.enums?.[n.name] : undefined;
}
function required(n: Node): string[] {
  return n.t === 'kind' ? schemaType(n.name)?.required ?? [] : [];
}

/** funcs.go `wrap`: newlines removed, then go-wordwrap. */
const wrap = (l: number, s: string) => wrapString(s.replaceAll('\n', ''), l);
/** funcs.go `indent`. */
const indent = (amount: number, s: string) => { const pad = ' '.repeat(amount); return pad + s.replaceAll('\n', `\n${pad}`); };

/** Template "typeGuess" for a field's type. */
function typeGuess(ft: FieldType): string {
  switch (ft.kind) {
    case 'list': return `[]${typeGuess(ft.of)}`;
    case 'map': return `map[string]${typeGuess(ft.of)}`;
    case 'scalar': return { string: 'string', boolean: 'boolean', int32: 'integer', int64: 'integer', double: 'number' }[ft.name];
    // Time's schema is {type: string}; Quantity and IntOrString have none; FieldsV1 and RawExtension are objects.
    case 'primitive': return ft.name === 'Time' || ft.name === 'MicroTime' ? 'string' : ft.name;
    case 'struct': return ft.name;
  }
}

/** Template "extractEnum". */
function extractEnum(values: string[] | undefined, longView: boolean, limit: number, indentAmount = 0): string {
  if (!values?.length) return '';
  let s = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) { s += ', ....'; break; }
    if (i > 0 && !longView) s += ', ';
    else if (longView) s += '\n    ';
    s += values[i] === '' ? '""' : values[i];
  }
  return s;
}

/** Template "description": the schema's description, then its allOf's, items' and additionalProperties'. */
function description(n: Node): string {
  const r = resolve(n);
  let s = '';
  const d = ownDescription(r);
  if (d) s += `${d}\n`;
  for (const a of allOf(r)) s += description(a);
  const it = items(r);
  if (it) s += description(it);
  const ap = additionalProperties(r);
  if (ap) s += description(ap);
  return s;
}

/** Template "fieldDetail". */
function fieldDetail(parent: Node, name: string, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const f = property(parent, name)!;
  let s = `${indent(indentAmount, name)}\t<${typeGuess(f.type)}>`;
  if (required(parent).includes(name)) s += ' -required-';
  s += extractEnum(enumOf(f), false, 4, indentAmount);
  s += '\n';
  if (!short) s += `${indent(indentAmount + 2, wrap(78 - indentAmount, ownDescription(f) ?? '<no description>'))}\n\n`;
  return s;
}

const refOf = (n: Node) => (n.t === 'ref' ? n.name : '');

/** Template "fieldList". */
function fieldList(n: Node, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  const ref = refOf(n);
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolve(n);
  let s = '';
  for (const k of properties(r)) {
    s += fieldDetail(r, k, recursive, level);
    if (recursive) s += fieldList(property(r, k)!, level + 1, recursive, next);
  }
  for (const a of allOf(r)) s += fieldList(a, level, recursive, next);
  const it = items(r);
  if (it) s += fieldList(it, level, recursive, next);
  const ap = additionalProperties(r);
  if (ap) s += fieldList(ap, level, recursive, next);
  return s;
}

/** Template "output": follows the field path, then prints the FIELD line, DESCRIPTION and FIELDS. */
function output(n: Node, fieldPath: string[], recursive: boolean, history: ReadonlySet<string>): string {
  const ref = refOf(n);
  const next = new Set(history).add(ref);
  const r = resolve(n);
  if (fieldPath.length === 0) {
    let s = `DESCRIPTION:\n${indent(4, wrap(76, description(r) || '<empty>'))}\n`;
    const fields = fieldList(r, 1, recursive, new Set());
    if (fields) s += `FIELDS:\n${fields}`;
    return s;
  }
  if (ref && history.has(ref)) return '';
  const sub = property(r, fieldPath[0]);
  if (sub) {
    let s = '';
    if (fieldPath.length === 1) s += `FIELD: ${fieldPath[0]} <${typeGuess(sub.type)}>\n${extractEnum(enumOf(sub), true, -1)}\n\n`;
    return s + output(sub, fieldPath.slice(1), recursive, new Set());
  }
  const it = items(r);
  if (it) return output(it, fieldPath, recursive, next);
  const ap = additionalProperties(r);
  if (ap) return output(ap, fieldPath, recursive, next);
  for (const a of allOf(r)) {
    const s = output(a, fieldPath, recursive, next);
    if (s) return s;
  }
  return '';
}

export interface ExplainResult { stdout: string; error?: string }

/**
 * `kubectl explain KIND.FIELD...` for a core/v1 kind. On a field that does not exist, the header has already been
 * written (stdout) and the error is text/template's wrapping of the template's `throw` (line and column of the
 * `include "schema"` and `throw` actions in v1.34's plaintext.tmpl; the action text cut at 20 characters).
 */
export function explain(kind: string, fieldPath: string[], recursive: boolean): ExplainResult {
  const header = `KIND:       ${kind}\nVERSION:    v1\n\n`;
  const body = output({ t: 'kind', name: kind }, fieldPath, recursive, new Set());
  if (!body) {
    const field = fieldPath[fieldPath.length - 1];
    return {
      stdout: header,
      error: `template: plaintext:39:13: executing "plaintext" at <include "schema" (di...>: error calling include: template: plaintext:67:20: executing "schema" at <throw "error: field ...>: error calling throw: error: field "${field}" does not exist`,
    };
  }
  return { stdout: `${header}${body}\n` };
}
