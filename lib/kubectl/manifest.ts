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
    if ('errors' in doc && doc.errors.length > 0) {
      const e = doc.errors[0];
      const line = e.linePos?.[0]?.line ?? 1;
      throw new Error(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(e.code, e.message)}`);
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
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items) out.push({ source, object: item as KubeObject });
    } else out.push({ source, object: obj as KubeObject });
  }
  return out;
}

/** go-yaml's wording for the syntax errors learners make most. */
function goYamlMessage(code: string, fallback: string): string {
  switch (code) {
    case 'BAD_INDENT': case 'BAD_INDENT_SEQ': return 'did not find expected key';
    case 'MISSING_CHAR': return 'did not find expected node content';
    case 'TAB_AS_INDENT': return 'found character that cannot start any token';
    case 'MULTILINE_IMPLICIT_KEY': case 'UNEXPECTED_TOKEN': return 'mapping values are not allowed in this context';
    case 'BLOCK_AS_IMPLICIT_KEY': return 'did not find expected key';
    case 'DUPLICATE_KEY': return 'mapping key already defined';
    default: return fallback.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').toLowerCase();
  }
}
