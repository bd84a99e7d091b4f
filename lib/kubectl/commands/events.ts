/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w] [-o FORMAT] [--no-headers]`.
 * Models kubernetes staging/src/k8s.io/kubectl/pkg/cmd/events/events.go (Run, runWatch, SortableEvents,
 * decodeResourceTypeName, Validate) and event_printer.go (EventPrinter, getInterval) at v1.34.
 */
import type { Event, KubeObject } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { allNamespacesFlag, newOutput, outputFlag, result, watchStream } from '../command';
import { getNewTabWriter, type TabWriter } from '../printers/tabwriter';
import { escapeTerminal } from '../printers/table';
import { parseTimestamp, translateTimestampSince } from '../printers/duration';
import { toYaml } from '../printers/yaml';
import { toJson } from '../printers/json';
import { resolveResource } from '../resources';

/** event_printer.go escapeCell: cut at the first line break, then EscapeTerminal. */
function escapeCell(s: string): string {
  const m = /[\f\n\r]/.exec(s);
  return escapeTerminal(m ? s.slice(0, m.index) + '...' : s);
}

/** event_printer.go getInterval: `5s`, or `5s (x3 over 2m)` for a series or a counted event. */
function getInterval(e: Event, now: number): string {
  const first = e.eventTime ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
  if (series) return `${translateTimestampSince(series.lastObservedTime, now)} (x${series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** events.go eventTime: what the list is sorted by. */
function eventTime(e: Event): number {
  const series = e.series as { lastObservedTime?: string } | undefined;
  if (series) return parseTimestamp(series.lastObservedTime) ?? 0;
  return parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime) ?? 0;
}

function run(o: RunOptions) {
  const out = newOutput();
  const fail = (msg: string) => {
    out.err.push(`error: ${msg}\n`);
    return result(out, 1);
  };
  const output = (o.flags.output as string | undefined) ?? '';
  if (!['', 'yaml', 'json', 'name'].includes(output)) {
    return fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  }
  const allNs = o.flags['all-namespaces'] as boolean;
  const types = [...new Set((o.flags.types as string[]).flatMap((t) => t.split(',')))].sort();
  // Validate: only Normal and Warning, in any case.
  if (types.some((t) => t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning')) return fail('valid --types are Normal or Warning');
  let forKind: string | undefined;
  let forName: string | undefined;
  const forObject = o.flags.for as string;
  if (forObject) {
    // decodeResourceTypeName
    if (!forObject.includes('/')) return fail('--for must be in resource/name form');
    const seg = forObject.split('/');
    if (seg.length !== 2) return fail('arguments in resource/name form may not have more than one slash');
    const type = resolveResource(o.cluster, seg[0]);
    if (!type) return fail(`no matches for /, Resource=${seg[0].toLowerCase()}`);
    forKind = type.kind;
    forName = seg[1];
  }
  const wanted = (e: Event) =>
    (allNs || e.metadata.namespace === o.namespace) &&
    (forName === undefined || (e.involvedObject.kind === forKind && e.involvedObject.name === forName && (e.involvedObject.apiVersion ?? 'v1') === 'v1')) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()));

  let headersPrinted = false;
  const printed = { count: 0 };
  /** EventPrinter.PrintObj (or the -o printer) for some events, through `w`. */
  const print = (events: Event[], w: TabWriter): string => {
    const now = o.cluster.clock.now();
    if (output === 'yaml' || output === 'json') {
      return events.map((e) => {
        printed.count++;
        return output === 'yaml' ? (printed.count > 1 ? '---\n' : '') + toYaml(e) : toJson(e);
      }).join('');
    }
    if (output === 'name') return events.map((e) => `event/${e.metadata.name}\n`).join('');
    if (!(o.flags['no-headers'] as boolean) && !headersPrinted) {
      w.write(`${allNs ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      headersPrinted = true;
    }
    for (const e of events) {
      w.write(`${allNs ? `${e.metadata.namespace}\t` : ''}${getInterval(e, now)}\t${escapeCell(e.type)}\t${escapeCell(e.reason)}\t${escapeCell(e.involvedObject.kind ?? '')}/${escapeCell(e.involvedObject.name ?? '')}\t${escapeCell((e.message ?? '').trim())}\n`);
    }
    return w.flush();
  };

  if (o.flags.watch) {
    // runWatch: no initial list; every new or changed event as it arrives, deletions (expiry) not shown.
    const w = getNewTabWriter();
    return watchStream(o.cluster, 'events', (ev) => (ev.type !== 'DELETED' && wanted(ev.object as Event) ? print([ev.object as Event], w) : ''));
  }

  const events = o.cluster.api.list<Event>('events', allNs ? undefined : o.namespace).filter(wanted);
  if (events.length === 0) {
    out.err.push(allNs ? 'No events found.\n' : `No events found in ${o.namespace} namespace.\n`);
    return result(out, 0);
  }
  // sort.Sort(SortableEvents): by time; a stable sort where Go's may reorder equal times among more than 12.
  const sorted = events.map((e, i) => ({ e, i, t: eventTime(e) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.e);
  if (output === 'yaml' || output === 'json') {
    // The EventList as a whole, as PrintFlags' printer writes one object.
    const list = { apiVersion: 'v1', items: sorted, kind: 'EventList', metadata: {} } as unknown as KubeObject;
    out.out.push(output === 'yaml' ? toYaml(list) : toJson(list));
  } else out.out.push(print(sorted, getNewTabWriter()));
  return result(out, 0);
}

export const eventsCommand: KubectlCommand = {
  name: 'events',
  short: 'List events',
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [
    { name: 'watch', shorthand: 'w', type: 'bool', default: false, usage: 'After listing the requested events, watch for more events.' },
    allNamespacesFlag,
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringArray', usage: 'Output only events of given types.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default output format, don't print headers." },
    outputFlag,
  ],
  run,
};
