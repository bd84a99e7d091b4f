/**
 * The human-readable table of `kubectl get`: columns from a resource's printer, decorated with NAMESPACE (-A) and
 * LABELS (--show-labels), written through kubectl's tab writer.
 * Models kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go decorateTable + printTable (v1.34).
 */
import { getNewTabWriter, type TabWriter } from './tabwriter';

/** A column definition; `priority` != 0 columns only print with `-o wide` (metav1.TableColumnDefinition). */
export interface TableColumn {
  name: string;
  priority?: number;
}

/** One printed object: its cells plus the metadata decorateTable reads. */
export interface TableRow {
  cells: string[];
  namespace?: string;
  labels?: Record<string, string>;
}

/** Options shared by every `kubectl get` table (printers.PrintOptions). */
export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** Set when several resource types print together: names read `pod/x` (decorateTable's WithKind). */
  kind?: string;
  /** `--output-watch-events`: an EVENT column first (tableprinter.go addColumns(beginning, ...)). */
  eventType?: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The writer to print through (`get -w` keeps one, whose remembered widths align later rows); a fresh one otherwise. */
  writer?: TabWriter;
}

/** tableprinter.go formattedEventType. */
const formattedEventType = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ' };

/** Returns `k=v` pairs sorted by key and joined by ',', or `<none>` (apimachinery labels.FormatLabels). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const s = Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
  return s === '' ? '<none>' : s;
}

/** Replaces terminal escape characters (cli-runtime printers/terminal.go EscapeTerminal). */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

// A cell is cut at its first line break, which the tab writer would otherwise take as the end of the row.
const cellBreak = /[\f\n\r]/;

function cellText(value: string): string {
  const m = cellBreak.exec(value);
  return m ? escapeTerminal(value.slice(0, m.index)) + '...' : escapeTerminal(value);
}

/** Returns the aligned table text; '' when there are no rows (kubectl prints no header for an empty list). Pure. */
export function printTable(columns: TableColumn[], rows: TableRow[], options: TableOptions): string {
  const cols: TableColumn[] = [
    ...(options.eventType ? [{ name: 'Event' }] : []),
    ...(options.withNamespace ? [{ name: 'Namespace' }] : []),
    ...columns,
    ...(options.showLabels ? [{ name: 'Labels' }] : []),
  ];
  const visible = (c: TableColumn) => options.wide || !c.priority;
  const w = options.writer ?? getNewTabWriter();
  if (!options.noHeaders) {
    if (rows.length === 0) return '';
    w.write(cols.filter(visible).map((c) => c.name.toUpperCase()).join('\t') + '\n');
  }
  for (const row of rows) {
    const cells = [
      ...(options.eventType ? [formattedEventType[options.eventType]] : []),
      ...(options.withNamespace ? [row.namespace ?? ''] : []),
      ...(options.kind ? [`${options.kind}/${row.cells[0]}`, ...row.cells.slice(1)] : row.cells),
      ...(options.showLabels ? [formatLabels(row.labels)] : []),
    ];
    w.write(cells.filter((_, i) => visible(cols[i])).map(cellText).join('\t') + '\n');
  }
  return w.flush();
}
