/**
 * `kubectl get`. Models kubectl pkg/cmd/get/get.go (v1.34): human tables from the resource's printer (printers.go
 * ports in ../printers), `-o wide`, `-o yaml|json|name`, `-o jsonpath=`/`jsonpath-as-json=`, `-o custom-columns=`,
 * `--sort-by`, `-A`, `-l` (set-based selectors), `--show-labels`, `--no-headers`, `get all`; "No resources found" on
 * stderr when a table is empty; NotFound errors for named objects that do not exist, after printing the ones that do.
 */
import type { Endpoints, Event, KubeObject, Namespace, Node, Pod, Service } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, filenameFlag, newOutput, outputFlag, result, selectorFlag, watchStream } from '../command';
import { notFound } from '../../sim/errors';
import { formatError } from '../errors';
import { endpointsDeprecationWarning, listTarget, resolveTargets, selectorError, UsageError, type Target } from '../targets';
import { podTable } from '../printers/pods';
import { printTable, type TableColumn, type TableOptions } from '../printers/table';
import { getNewTabWriter } from '../printers/tabwriter';
import type { WatchEvent } from '../../sim/apiserver';
import { matchesSelector } from '../targets';
import { endpointColumnDefinitions, eventColumnDefinitions, namespaceColumnDefinitions, nodeColumnDefinitions, printEndpoints, printEvent, printNamespace, printNode, printService, printServiceWide, serviceColumnDefinitions } from '../printers/resources';
import { translateTimestampSince } from '../printers/duration';
import { toYaml, toYamlList } from '../printers/yaml';
import { toJson, toJsonList } from '../printers/json';
import { typedName } from '../resources';
import { goSharpV, JSONPath, type JsonValue } from '../jsonpath';
import { parseCustomColumnsSpec, printCustomColumns, sortByField, type Column } from '../printers/custom-columns';

/** Column definitions and per-object cells, keyed by resource: printers.go AddHandlers (v1.34). */
const printers: Record<string, { columns: TableColumn[]; print: (obj: never, now: number, wide: boolean) => string[] }> = {
  services: { columns: serviceColumnDefinitions, print: (s: Service, now, wide) => (wide ? printServiceWide(s, now) : printService(s, now)) },
  endpoints: { columns: endpointColumnDefinitions, print: (e: Endpoints, now) => printEndpoints(e, now) },
  events: { columns: eventColumnDefinitions, print: (e: Event, now) => printEvent(e, now) },
  namespaces: { columns: namespaceColumnDefinitions, print: (n: Namespace, now) => printNamespace(n, now) },
  nodes: { columns: nodeColumnDefinitions, print: (n: Node, now) => printNode(n, now) },
};

/** An object as the JSON value the jsonpath and custom-columns printers read. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as JsonValue;

/** The human-readable table for objects of one type (pods through podTable, others through `printers`). */
function humanTable(type: Target['type'], objs: KubeObject[], o: RunOptions, withNamespace: boolean, withKind: boolean, extra: Partial<TableOptions> = {}): string {
  const now = o.cluster.clock.now();
  const wide = o.flags.output === 'wide';
  const opts = { wide, noHeaders: o.flags['no-headers'] as boolean, showLabels: o.flags['show-labels'] as boolean, withNamespace, kind: withKind ? type.kind.toLowerCase() : undefined, ...extra };
  if (type.resource === 'pods') return podTable(objs as Pod[], { ...opts, now });
  const p = printers[type.resource];
  const row = (x: KubeObject, cells: string[]) => ({ cells, namespace: x.metadata.namespace, labels: x.metadata.labels });
  if (!p) return printTable([{ name: 'Name' }, { name: 'Age' }], objs.map((x) => row(x, [x.metadata.name!, translateTimestampSince(x.metadata.creationTimestamp, now)])), opts);
  return printTable(p.columns, objs.map((x) => row(x, p.print(x as never, now, wide))), opts);
}

function run(o: RunOptions) {
  const out = newOutput();
  const outputArg = (o.flags.output as string | undefined) ?? '';
  // `-o jsonpath=TEMPLATE`: the format is what precedes the first '=' (get_flags.go ToPrinter).
  const eq = outputArg.indexOf('=');
  const output = eq === -1 ? outputArg : outputArg.slice(0, eq);
  const templateArg = eq === -1 ? '' : outputArg.slice(eq + 1);
  if (!['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'jsonpath-as-json', 'custom-columns'].includes(output) || (eq !== -1 && !output.startsWith('jsonpath') && output !== 'custom-columns')) {
    out.err.push(`error: unable to match a printer suitable for the output format "${outputArg}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
    return result(out, 1);
  }
  let jsonPath: JSONPath | undefined;
  let columns: Column[] | undefined;
  try {
    if (output.startsWith('jsonpath')) {
      // cli-runtime jsonpath_flags.go: --allow-missing-template-keys defaults to true.
      if (templateArg === '') throw new Error('template format specified but no template given');
      try {
        jsonPath = new JSONPath('out').parse(templateArg).setAllowMissingKeys(true).enableJSONOutput(output === 'jsonpath-as-json');
      } catch (e) {
        throw new Error(`error parsing jsonpath ${templateArg}, ${(e as Error).message}\n`);
      }
    } else if (output === 'custom-columns') columns = parseCustomColumnsSpec(templateArg);
  } catch (e) {
    out.err.push(`error: ${(e as Error).message.replace(/\n$/, '')}\n`);
    return result(out, 1);
  }
  const sortBy = o.flags['sort-by'] as string | undefined;
  const allNs = o.flags['all-namespaces'] as boolean;
  const selector = o.flags.selector as string | undefined;
  let targets: Target[];
  try {
    targets = resolveTargets(o, o.args, { selector, allNamespaces: allNs });
  } catch (e) {
    if (e instanceof UsageError) {
      out.err.push('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n');
    } else out.err.push(formatError(e));
    return result(out, 1);
  }
  // The apiserver's deprecation warning for core/v1 Endpoints (v1.33+), written once by client-go's
  // deduplicating WarningWriter before anything is printed.
  if (targets.some((t) => t.type.resource === 'endpoints')) out.err.push(`Warning: ${endpointsDeprecationWarning}\n`);
  if (o.flags.watch || o.flags['watch-only']) return watch(o, targets, out, { output, jsonPath });
  const found: Array<{ type: Target['type']; obj: KubeObject }> = [];
  const errors: string[] = [];
  let listed = false;
  for (const t of targets) {
    if (t.name === '') {
      listed = true;
      const bad = selectorError(t, selector);
      if (bad) { errors.push(formatError(bad)); continue; }
      for (const obj of listTarget(o, t, selector)) found.push({ type: t.type, obj });
      continue;
    }
    const obj = o.cluster.api.find<KubeObject>(t.type.resource, t.namespace, t.name);
    if (obj) found.push({ type: t.type, obj });
    else errors.push(formatError(notFound(t.type.resource, t.name)));
  }
  const single = !listed && targets.length === 1 && found.length === 1;
  const human = output === '' || output === 'wide';
  if (sortBy && !single) {
    try {
      if (human) {
        // sorter.go SortingPrinter: each table is sorted on its own, and only when it has more than one row.
        const byType = new Map<string, typeof found>();
        for (const f of found) byType.set(f.type.resource, [...(byType.get(f.type.resource) ?? []), f]);
        found.splice(0, found.length, ...[...byType.values()].flatMap((g) => (g.length > 1 ? sortByField(g, sortBy, (f) => plain(f.obj)) : g)));
      } else found.splice(0, found.length, ...sortByField(found, sortBy, (f) => plain(f.obj)));
    } catch (e) {
      out.err.push(`error: ${(e as Error).message}\n`);
      return result(out, 1);
    }
  }
  const listObject = (): JsonValue => ({ apiVersion: 'v1', items: found.map((f) => plain(f.obj)), kind: 'List', metadata: { resourceVersion: '' } });
  if (jsonPath && (single || found.length || listed)) {
    const data = single ? plain(found[0].obj) : listObject();
    try {
      out.out.push(jsonPath.execute(data));
    } catch (e) {
      // cli-runtime printers/jsonpath.go PrintObj.
      out.err.push(`error: error executing jsonpath ${JSON.stringify(templateArg)}: Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${templateArg}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`);
      return result(out, 1);
    }
  } else if (columns && (single || found.length || listed)) {
    try {
      out.out.push(printCustomColumns(columns, found.map((f) => plain(f.obj)), o.flags['no-headers'] as boolean));
    } catch (e) {
      out.err.push(`error: ${(e as Error).message}\n`);
      return result(out, 1);
    }
  } else if (output === 'yaml') out.out.push(single ? toYaml(found[0].obj) : found.length || listed ? toYamlList(found.map((f) => f.obj)) : '');
  else if (output === 'json') out.out.push(single ? toJson(found[0].obj) : found.length || listed ? toJsonList(found.map((f) => f.obj)) : '');
  else if (output === 'name') out.out.push(found.map((f) => `${typedName(f.type, f.obj.metadata.name!)}\n`).join(''));
  else {
    // One table per resource type, separated by a blank line, as kubectl prints `get pods,nodes`.
    const groups = new Map<string, { type: Target['type']; objs: KubeObject[] }>();
    for (const f of found) {
      const g = groups.get(f.type.resource) ?? { type: f.type, objs: [] };
      g.objs.push(f.obj);
      groups.set(f.type.resource, g);
    }
    // get.go: resource.MultipleTypesRequested(args) (`all` included) or multipleGVKsRequested(infos).
    const withKind = new Set(targets.map((t) => t.type.resource)).size > 1 || groups.size > 1;
    out.out.push([...groups.values()].map((g) => humanTable(g.type, g.objs, o, allNs && g.type.namespaced, withKind)).join('\n'));
  }
  // get.go printGeneric prints the empty List for yaml, json, jsonpath and custom-columns without a word.
  if (found.length === 0 && listed && errors.length === 0 && (human || output === 'name')) {
    const t = targets[0];
    out.err.push(t.type.namespaced && !allNs ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n');
  }
  out.err.push(...errors);
  return result(out, errors.length ? 1 : 0);
}

/**
 * `get -w` / `--watch-only`: models get.go watch (v1.34). The current list (or object) is printed first, then a row
 * per watch event — every write the cluster makes to a matching object, DELETED included — through one tab writer
 * with RememberWidths, flushed after each event, so later rows keep the columns' widths and widen for a wider cell.
 * A watch started on one named object skips the synthetic ADDED event. It runs until Ctrl-C.
 */
function watch(o: RunOptions, targets: Target[], out: ReturnType<typeof newOutput>, p: { output: string; jsonPath?: JSONPath }) {
  // resource.Builder SingleResourceType().
  if (new Set(targets.map((t) => t.type.resource)).size > 1) {
    out.err.push('error: you may only specify a single resource type\n');
    return result(out, 1);
  }
  const type = targets[0].type;
  const names = new Set(targets.map((t) => t.name).filter((n) => n !== ''));
  const listed = targets.some((t) => t.name === '');
  const allNs = o.flags['all-namespaces'] as boolean;
  const selector = o.flags.selector as string | undefined;
  const namespace = targets[0].namespace ?? o.namespace;
  let initial: KubeObject[];
  if (listed) {
    const bad = selectorError(targets[0], selector);
    if (bad) {
      out.err.push(formatError(bad));
      return result(out, 1);
    }
    initial = listTarget(o, targets[0], selector);
  } else {
    initial = [];
    for (const name of names) {
      const obj = o.cluster.api.find<KubeObject>(type.resource, type.namespaced ? namespace : undefined, name);
      if (!obj) {
        out.err.push(formatError(notFound(type.resource, name)));
        return result(out, 1);
      }
      initial.push(obj);
    }
  }
  const withEvents = o.flags['output-watch-events'] as boolean;
  const human = p.output === '' || p.output === 'wide';
  const writer = getNewTabWriter();
  let printedHeaders = false;
  let printed = 0;
  const print = (objs: KubeObject[], eventType?: WatchEvent['type']): string => {
    if (human) {
      // tableprinter.go PrintObj: headers once, before the first table that has rows.
      const text = humanTable(type, objs, o, allNs && type.namespaced, false, { writer, noHeaders: (o.flags['no-headers'] as boolean) || printedHeaders, eventType: withEvents ? eventType : undefined });
      if (objs.length > 0) printedHeaders = true;
      return text;
    }
    return objs.map((obj) => {
      const body = withEvents ? { type: eventType, object: obj } : obj;
      printed++;
      if (p.output === 'yaml') return (printed > 1 ? '---\n' : '') + toYaml(body as KubeObject); // printers/yaml.go: "---" between objects
      if (p.output === 'json') return toJson(body as KubeObject);
      if (p.output === 'name') return `${typedName(type, obj.metadata.name!)}\n`;
      if (p.jsonPath) return p.jsonPath.execute(plain(body));
      return '';
    }).join('');
  };
  if (!o.flags['watch-only']) out.out.push(print(initial, 'ADDED'));
  // resource/result.go Watch: several named objects are several sources; they are printed, then refused.
  if (names.size > 1 && !listed) {
    out.err.push('error: you may only watch a single resource or type of resource at a time\n');
    return result(out, 1);
  }
  const matches = (obj: KubeObject) =>
    (!type.namespaced || allNs || obj.metadata.namespace === namespace) &&
    (listed ? matchesSelector(obj.metadata.labels, selector) : names.has(obj.metadata.name!));
  // Printed as each event arrives (AGE and "(5s ago)" as of that instant), read when the terminal next looks.
  return watchStream(o.cluster, type.resource, (e) => (matches(e.object) ? print([e.object], e.type) : ''), { stdout: out.out.join(''), stderr: out.err.join('') });
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|wide|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [outputFlag, allNamespacesFlag, selectorFlag, filenameFlag,
    { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'watch', shorthand: 'w', type: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', default: false, usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'output-watch-events', type: 'bool', default: false, usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' }],
  run,
};
