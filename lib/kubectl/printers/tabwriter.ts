/**
 * Elastic tabstops, as kubectl aligns its tables and `describe` output.
 * Models golang/go src/text/tabwriter/tabwriter.go (Go 1.24), plus the RememberWidths flag of its fork
 * github.com/liggitt/tabwriter, which kubectl uses. Cells are terminated by '\t' (hard) or '\v' (soft);
 * the trailing cell of a line is not part of a column; '\n' ends a line and '\f' ends a line and flushes.
 * Not ported: FilterHTML, StripEscape and the 0xff Escape byte (kubectl uses none of them).
 */

/** Force right-alignment of cell content (Go `tabwriter.AlignRight`). */
export const AlignRight = 1 << 2;
/** Drop columns whose cells are all empty and soft-tab terminated (Go `tabwriter.DiscardEmptyColumns`). */
export const DiscardEmptyColumns = 1 << 3;
/** Pad leading empty cells with tabs regardless of padchar (Go `tabwriter.TabIndent`). */
export const TabIndent = 1 << 4;
/** Print '|' between columns (Go `tabwriter.Debug`). */
export const Debug = 1 << 5;
/** Remember the widest width seen per column, even across flushes (liggitt/tabwriter `RememberWidths`). */
export const RememberWidths = 1 << 6;

/** A buffered writer: `write` may be called any number of times; `flush` returns the text produced since the last flush. */
export interface TabWriter {
  write(text: string): void;
  flush(): string;
}

interface Cell {
  text: string;
  width: number; // in code points, as Go counts runes
  htab: boolean;
}

const runeCount = (s: string): number => [...s].length;

/** Returns a tab writer configured like Go's `tabwriter.NewWriter(out, minwidth, tabwidth, padding, padchar, flags)`. */
export function createTabWriter(minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number): TabWriter {
  if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new Error('negative minwidth, tabwidth, or padding');
  if (padchar === '\t') flags &= ~AlignRight; // tab padding enforces left-alignment
  let out = '';
  let lines: Cell[][] = [[]];
  let cell = ''; // current incomplete cell
  let widths: number[] = [];
  const maxwidths: number[] = []; // RememberWidths: survives flushes

  const reset = () => {
    cell = '';
    lines = [[]];
    widths = [];
  };

  const writePadding = (textw: number, cellw: number, useTabs: boolean) => {
    if (padchar === '\t' || useTabs) {
      if (tabwidth === 0) return; // tabs have no width - can't do any padding
      cellw = Math.ceil(cellw / tabwidth) * tabwidth;
      const n = cellw - textw;
      if (n < 0) throw new Error('internal error');
      out += '\t'.repeat(Math.ceil(n / tabwidth));
      return;
    }
    out += padchar.repeat(cellw - textw);
  };

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      let useTabs = (flags & TabIndent) !== 0;
      lines[i].forEach((c, j) => {
        if (j > 0 && flags & Debug) out += '|';
        if (c.text === '') {
          if (j < widths.length) writePadding(c.width, widths[j], useTabs);
        } else {
          useTabs = false;
          if ((flags & AlignRight) === 0) {
            out += c.text;
            if (j < widths.length) writePadding(c.width, widths[j], false);
          } else {
            if (j < widths.length) writePadding(c.width, widths[j], false);
            out += c.text;
          }
        }
      });
      // the last buffered line has no newline: write any outstanding cell text instead
      out += i + 1 === lines.length ? cell : '\n';
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row].length - 1) continue;
      // this line has a cell in this column: print the lines above, then size the column block
      writeLines(line0, row);
      line0 = row;
      let width = minwidth;
      let discardable = true;
      for (; row < line1; row++) {
        const line = lines[row];
        if (column >= line.length - 1) break;
        const c = line[column];
        width = Math.max(width, c.width + padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && flags & DiscardEmptyColumns) width = 0;
      if (flags & RememberWidths) {
        // liggitt/tabwriter format(): a column is at least as wide as it ever was.
        if (maxwidths.length < widths.length) maxwidths.push(...widths.slice(maxwidths.length));
        if (maxwidths.length === widths.length) maxwidths.push(width);
        else if (maxwidths[widths.length] > width) width = maxwidths[widths.length];
        else if (maxwidths[widths.length] < width) maxwidths[widths.length] = width;
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  const terminateCell = (htab: boolean): number => {
    const line = lines[lines.length - 1];
    line.push({ text: cell, width: runeCount(cell), htab });
    cell = '';
    return line.length;
  };

  const flushBuffered = () => {
    if (cell !== '') terminateCell(false);
    format(0, lines.length);
    reset();
  };

  return {
    write(text) {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
        cell += text.slice(n, i);
        n = i + 1;
        const ncells = terminateCell(ch === '\t');
        if (ch === '\n' || ch === '\f') {
          lines.push([]);
          // A line with a single cell does not affect the formatting of later lines, so it is safe to flush.
          if (ch === '\f' || ncells === 1) {
            flushBuffered();
            if (ch === '\f' && flags & Debug) out += '---\n';
          }
        }
      }
      cell += text.slice(n);
    },
    flush() {
      flushBuffered();
      const text = out;
      out = '';
      return text;
    },
  };
}

/**
 * The writer `kubectl get` prints tables through.
 * Models kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go GetNewTabWriter (v1.34):
 * minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths: `get -w` flushes after every event, and its rows stay
 * at least as wide as the header's columns (and widen for good when a cell is wider).
 */
export function getNewTabWriter(): TabWriter {
  return createTabWriter(6, 4, 3, ' ', RememberWidths);
}

/**
 * Runs `f` against a fresh writer and returns everything it wrote, flushed. A `flush()` inside `f` ends the current
 * column block (as describe's PrefixWriter.Flush does) and returns ''; its text goes into the result.
 * Models kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString (v1.34): Init(buf, 0, 8, 2, ' ', 0).
 */
export function tabbedString(f: (w: TabWriter) => void): string {
  const w = createTabWriter(0, 8, 2, ' ', 0);
  let text = '';
  f({
    write: (s) => w.write(s),
    flush: () => {
      text += w.flush();
      return '';
    },
  });
  return text + w.flush();
}
