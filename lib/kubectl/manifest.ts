/**
 * Reading manifests for `-f`: a file, a directory (its .yaml/.yml/.json files, sorted), or `-` for stdin;
 * multi-document YAML, JSON, and `kind: List`. Errors read as kubectl's resource builder words them.
 */
import { parseAllDocuments } from 'yaml';
import type { VirtualFs } from '../shell/vfs';
import type { KubeObject } from '../sim/types';

export interface ManifestObject { source: string; object: KubeObject }

/** Reads every object named by the `-f` values; throws Error with kubectl's message on the first problem. */
export function readManifests(filenames: string[], fs: VirtualFs, stdin: string): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const f of filenames) {
    if (f === '-') { out.push(...parseManifest(stdin, 'STDIN')); continue; }
    if (fs.isDir(f)) {
      for (const name of fs.list(f) ?? []) {
        if (/\.(ya?ml|json)$/.test(name)) {
          const p = `${f.replace(/\/$/, '')}/${name}`;
          out.push(...parseManifest(fs.readFile(p) ?? '', p));
        }
      }
      continue;
    }
    const text = fs.readFile(f);
    if (text === undefined) throw new Error(`the path "${f}" does not exist`);
    out.push(...parseManifest(text, f));
  }
  return out;
}

/** Parses one file's documents into objects (empty documents are skipped, as kubectl skips them). */
export function parseManifest(text: string, source: string): ManifestObject[] {
  const docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  const out: ManifestObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new Error(`error parsing ${source}: error converting YAML to JSON: ${goYamlError(text, doc.errors[0])}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(`error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const obj = value as Record<string, unknown>;
    if (!obj.apiVersion || !obj.kind) {
      const missing = [!obj.apiVersion && 'apiVersion not set', !obj.kind && 'kind not set'].filter(Boolean).join(', ');
      throw new Error(`error validating "${source}": error validating data: [${missing}]; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const items = obj.kind === 'List' && Array.isArray(obj.items) ? obj.items as Record<string, unknown>[] : [obj];
    for (const item of items) out.push({ source, object: decodeMetadata(item, source) });
  }
  return out;
}

const goJsonType = (v: unknown) => (typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : Array.isArray(v) ? 'array' : 'object');

/**
 * The typed decode kubectl's resource builder does (`unable to decode "pod.yaml": json: cannot unmarshal bool into
 * Go struct field ObjectMeta.metadata.annotations of type string`): names, labels and annotations must be strings.
 * A null map value decodes to "" as encoding/json leaves it.
 */
function decodeMetadata(obj: Record<string, unknown>, source: string): KubeObject {
  const fail = (v: unknown, field: string) => {
    throw new Error(`unable to decode "${source}": json: cannot unmarshal ${goJsonType(v)} into Go struct field ObjectMeta.metadata.${field} of type string`);
  };
  const meta = obj.metadata;
  if (meta !== undefined && meta !== null && (typeof meta !== 'object' || Array.isArray(meta))) {
    throw new Error(`unable to decode "${source}": json: cannot unmarshal ${goJsonType(meta)} into Go struct field Pod.metadata of type v1.ObjectMeta`);
  }
  const m = (meta ?? {}) as Record<string, unknown>;
  for (const f of ['name', 'namespace', 'generateName']) if (m[f] !== undefined && m[f] !== null && typeof m[f] !== 'string') fail(m[f], f);
  for (const f of ['labels', 'annotations']) {
    const map = m[f];
    if (map === undefined || map === null) continue;
    if (typeof map !== 'object' || Array.isArray(map)) throw new Error(`unable to decode "${source}": json: cannot unmarshal ${goJsonType(map)} into Go struct field ObjectMeta.metadata.${f} of type map[string]string`);
    for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
      if (v === null) (map as Record<string, unknown>)[k] = '';
      else if (typeof v !== 'string') fail(v, f);
    }
  }
  return obj as KubeObject;
}

interface YamlLibError { code: string; message: string; pos: [number, number] }

const lineIndexAt = (text: string, pos: number) => text.slice(0, pos).split('\n').length - 1;

/** Whether the line at `index` continues a block sequence whose items sit at its own indentation. */
function inSequence(text: string, index: number): boolean {
  const lines = text.split('\n');
  const indent = (l: string) => l.length - l.trimStart().length;
  const own = indent(lines[index] ?? '');
  for (let i = index - 1; i >= 0; i--) {
    if (!lines[i].trim()) continue;
    if (indent(lines[i]) < own) return false;
    if (indent(lines[i]) === own) return lines[i].trimStart().startsWith('- ') || lines[i].trim() === '-';
  }
  return false;
}

/**
 * The error go-yaml v2 gives for the same input, from the yaml library's error (which words and places errors its
 * own way). go-yaml reports a 0-based problem line for parser errors and a 1-based one for scanner errors, and no
 * line at all when the problem is on the first line (yaml.v2 decode.go `fail`). Checked against go-yaml itself
 * (ghodss/yaml.YAMLToJSON over gopkg.in/yaml.v2): tests/kubectl/manifest.test.ts.
 */
export function goYamlError(text: string, e: YamlLibError): string {
  const at = (kind: 'scanner' | 'parser', line0: number, msg: string) => {
    const line = line0 === 0 ? 0 : kind === 'scanner' ? line0 + 1 : line0;
    return `yaml: ${line ? `line ${line}: ` : ''}${msg}`;
  };
  const here = lineIndexAt(text, e.pos[0]);
  const eof = lineIndexAt(text, text.length);
  switch (e.code) {
    case 'TAB_AS_INDENT': return at('scanner', here, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // go-yaml stops at the second `:` of `a: b: c` or at the `:` of a mapping nested under a plain value.
      const rest = text.slice(e.pos[0]);
      const m = /:(?=[ \t\n]|$)/.exec(rest);
      return at('scanner', lineIndexAt(text, e.pos[0] + (m ? m.index : 0)), 'mapping values are not allowed in this context');
    }
    case 'MULTILINE_IMPLICIT_KEY': return at('scanner', here + 1, "could not find expected ':'");
    case 'MISSING_CHAR':
      if (/closing .?quote/i.test(e.message)) return at('scanner', eof, 'found unexpected end of stream');
      return at('parser', here, 'did not find expected key');
    case 'BAD_INDENT':
    case 'BAD_INDENT_SEQ':
      if (/Flow sequence/.test(e.message)) return at('parser', eof, "did not find expected ',' or ']'");
      if (/Flow mapping/.test(e.message)) return at('parser', eof, "did not find expected ',' or '}'");
      if (/collection items/.test(e.message) || inSequence(text, here)) return at('parser', here, "did not find expected '-' indicator");
      return at('parser', here, 'did not find expected key');
    case 'UNEXPECTED_TOKEN': return at('parser', here, 'did not find expected node content');
    default: return at('parser', here, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').toLowerCase());
  }
}
