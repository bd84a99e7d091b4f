#!/usr/bin/env node
/**
 * Generates lib/sim/schema/core-v1.gen.ts: the structure (field names, types, required fields, enums, integer
 * formats) of the core/v1 types reachable from the kinds the simulator serves, as the Kubernetes v1.34 OpenAPI
 * document declares them. Descriptions are not taken from it: ours, in our own words, live in descriptions.ts.
 *
 * Source: the npm package kubernetes-models@5.1.0 (MIT), generated from the Kubernetes v1.34 OpenAPI spec. It is not a
 * dependency of PodLab; to regenerate:
 *
 *   mkdir -p /tmp/km && cd /tmp/km && echo '{"type":"module"}' > package.json
 *   npm install kubernetes-models@5.1.0 --ignore-scripts
 *   cd - && node scripts/gen-core-schema.mjs /tmp/km/node_modules > lib/sim/schema/core-v1.gen.ts
 *
 * Interfaces come from the package's .d.ts files (the TypeScript compiler API reads them); integer formats (int32 vs
 * int64) are found by probing the package's compiled JSON-schema validators with 1.5 and 2^40.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = process.argv[2];
if (!root) { console.error('usage: gen-core-schema.mjs NODE_MODULES_DIR'); process.exit(2); }
const core = path.join(root, 'kubernetes-models/v1');
const machinery = path.join(root, '@kubernetes-models/apimachinery');

const KINDS = ['Pod', 'Node', 'Namespace', 'Event', 'Service', 'Endpoints'];

// kubernetes-models@5.1.0 was generated from a spec newer than v1.34 (it has every v1.34 field: restartPolicyRules,
// fileKeyRef, hostnameOverride, podCertificate, extendedResourceClaimStatus). These fields came after v1.34 (the
// v1.35/v1.36 changelogs: workload-aware scheduling, pod-level in-place resize, node declared features, image volume
// digests, resource health messages, pod certificate user annotations); v1.34 does not know them.
const NOT_IN_V1_34 = new Set([
  'PodSpec.schedulingGroup', 'PodStatus.allocatedResources', 'PodStatus.resources',
  'PodStatus.nodeAllocatableResourceClaimStatuses', 'NodeStatus.declaredFeatures', 'VolumeStatus.image',
  'VolumeMountStatus.volumeStatus', 'ResourceHealth.message', 'PodCertificateProjection.userAnnotations',
]);
// Enum values added after v1.34 (toleration comparison operators, v1.35).
const ENUM_NOT_IN_V1_34 = { 'Toleration.operator': ['Gt', 'Lt'] };

// Interface-name prefixes → where the .d.ts lives and which validator belongs to it.
function locate(ifaceName) {
  let m = /^IIoK8sApiCoreV1(\w+)$/.exec(ifaceName);
  if (m) return { name: m[1], file: path.join(core, `${m[1]}.d.ts`), schema: path.join(root, `kubernetes-models/_schemas/IoK8sApiCoreV1${m[1]}.js`) };
  m = /^IIoK8sApimachineryPkgApisMetaV1(\w+)$/.exec(ifaceName);
  if (m) return { name: m[1], file: path.join(machinery, `apis/meta/v1/${m[1]}.d.ts`), schema: path.join(machinery, `_schemas/IoK8sApimachineryPkgApisMetaV1${m[1]}.js`) };
  return undefined;
}

// Named types the OpenAPI document gives a primitive or one-of schema: kept as names, resolved by the consumers.
const PRIMITIVE_REFS = {
  IIoK8sApimachineryPkgApisMetaV1Time: 'Time',
  IIoK8sApimachineryPkgApisMetaV1MicroTime: 'MicroTime',
  IIoK8sApimachineryPkgApiResourceQuantity: 'Quantity',
  IIoK8sApimachineryPkgUtilIntstrIntOrString: 'IntOrString',
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: 'FieldsV1',
  IIoK8sApimachineryPkgRuntimeRawExtension: 'RawExtension',
};

function parseInterface(file) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let iface;
  src.forEachChild((n) => { if (ts.isInterfaceDeclaration(n) && !iface) iface = n; });
  if (!iface) throw new Error(`no interface in ${file}`);
  return iface.members.filter(ts.isPropertySignature).map((p) => ({
    name: p.name.text,
    optional: !!p.questionToken,
    type: p.type,
  }));
}

const types = {};
const queue = [...KINDS.map((k) => `IIoK8sApiCoreV1${k}`)];
const seen = new Set();

function typeText(node, owner, field, enums) {
  if (node.kind === ts.SyntaxKind.StringKeyword) return 'string';
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
  if (node.kind === ts.SyntaxKind.NumberKeyword) return { number: true };
  if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
    const dropped = ENUM_NOT_IN_V1_34[`${owner}.${field}`] ?? [];
    enums[field] = node.types.map((t) => t.literal.text).filter((v) => !dropped.includes(v));
    return 'string';
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array') {
      const inner = typeText(node.typeArguments[0], owner, field, enums);
      delete enums[field]; // a list's enum belongs to its items; explain shows the field's own enum only
      return typeof inner === 'string' ? `[]${inner}` : { ...inner, array: true };
    }
    if (PRIMITIVE_REFS[name]) return PRIMITIVE_REFS[name];
    const loc = locate(name);
    if (!loc) throw new Error(`${owner}.${field}: unknown reference ${name}`);
    if (!seen.has(name)) { seen.add(name); queue.push(name); }
    return loc.name;
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
    const inner = typeText(node.members[0].type, owner, field, enums);
    if (typeof inner !== 'string') throw new Error(`${owner}.${field}: map of numbers`);
    return `map[string]${inner}`;
  }
  throw new Error(`${owner}.${field}: unsupported type ${node.getText()}`);
}

async function numberFormat(schemaFile, field, array) {
  const { validate } = await import(pathToFileURL(schemaFile).href);
  const wrap = (v) => ({ [field]: array ? [v] : v });
  const errs = (v) => (validate(wrap(v)) ? [] : validate.errors.map((e) => `${e.keyword}:${e.params.format ?? e.params.type ?? ''}`));
  if (errs(1.5).length === 0) return 'double';
  if (!errs(1.5).includes('type:integer')) throw new Error(`${schemaFile} ${field}: ${errs(1.5)}`);
  return errs(2 ** 40).includes('format:int32') ? 'int32' : 'int64';
}

for (const k of queue) seen.add(k);
while (queue.length) {
  const iface = queue.shift();
  const loc = locate(iface);
  const enums = {};
  const fields = {};
  const required = [];
  for (const p of parseInterface(loc.file)) {
    if (NOT_IN_V1_34.has(`${loc.name}.${p.name}`)) continue;
    // apiVersion and kind are plain strings in the spec; the .d.ts pins them to literals.
    let t = (p.name === 'apiVersion' || p.name === 'kind') ? 'string' : typeText(p.type, loc.name, p.name, enums);
    if (p.name === 'apiVersion' || p.name === 'kind') delete enums[p.name];
    if (typeof t !== 'string') t = (t.array ? '[]' : '') + (await numberFormat(loc.schema, p.name, t.array));
    fields[p.name] = t;
    // The .d.ts makes apiVersion and kind of a kind required; the OpenAPI document does not.
    if (!p.optional && p.name !== 'apiVersion' && p.name !== 'kind') required.push(p.name);
  }
  types[loc.name] = { fields, ...(required.length ? { required } : {}), ...(Object.keys(enums).length ? { enums } : {}) };
}

const body = Object.keys(types).sort().map((k) => `  ${k}: ${JSON.stringify(types[k]).replace(/"(\w+)":/g, '$1:')},`);
process.stdout.write([
  '// Generated by scripts/gen-core-schema.mjs from kubernetes-models@5.1.0 (the Kubernetes v1.34 OpenAPI spec). Do not edit.',
  '// Structure only: field names, types, required fields, enums and integer formats. Descriptions: descriptions.ts.',
  "import type { SchemaTypes } from './types';",
  '',
  'export const CORE_V1: SchemaTypes = {',
  ...body,
  '};',
  '',
].join('\n'));
