/**
 * `kubectl explain TYPE[.FIELD...] [--recursive] [--api-version=v1]`. Models kubectl v1.34 pkg/cmd/explain/explain.go
 * (Validate, Run) and pkg/explain/explain.go SplitAndParseResourceRequestWithMatchingPrefix: the argument is read as
 * a JSONPath of field names (`{.pods.spec.containers}`), its first name resolved through discovery (plural, singular,
 * short name or kind), the rest is the field path. Rendering: lib/kubectl/explain.ts (plaintext.tmpl).
 */
import type { KubectlCommand, RunOptions } from '../command';
import { newOutput, result } from '../command';
import { resolveResource } from '../resources';
import { explain } from '../explain';

const SUGGEST = 'Use "kubectl api-resources" for a complete list of supported resources.';

function explainRun(o: RunOptions) {
  const out = newOutput();
  const fail = (msg: string) => { out.err.push(`error: ${msg}\n`); return result(out, 1); };
  if (o.args.length === 0) return fail(`You must specify the type of resource to explain. ${SUGGEST}`);
  if (o.args.length > 1) return fail('We accept only this format: explain RESOURCE');
  // jsonPathParse("{." + arg + "}") after the trailing period is trimmed: every node must be a field name. A field
  // ends at client-go jsonpath's terminators; an empty one (`..`, recursive descent), `*` or `[...]` is another node.
  const parts = o.args[0].replace(/\.$/, '').split('.');
  if (parts.some((p) => p === '' || p === '*' || /[\s,[\]$@{}]/.test(p))) return fail('invalid jsonpath syntax, first node must be field node');
  const type = resolveResource(o.cluster, parts[0]);
  if (!type) return fail(`the server doesn't have a resource type "${parts[0]}"`);
  const apiVersion = o.flags['api-version'] as string | undefined;
  if (apiVersion && apiVersion !== 'v1') {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    return fail(`couldn't find resource for "${group}/${version}, Resource=${type.resource}"`);
  }
  const r = explain(type.kind, parts.slice(1), o.flags.recursive === true);
  out.out.push(r.stdout);
  // The header is written before the template fails (kubectl#1872): stdout first, then the error.
  if (r.error) return { ...fail(r.error), stderrLast: true };
  return result(out, 0);
}

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'recursive', type: 'bool', default: false, usage: 'When true, print the name of all the fields recursively.' },
    { name: 'api-version', type: 'string', default: '', usage: 'Use given api-version (group/version) of the resource.' },
  ],
  run: explainRun,
};
