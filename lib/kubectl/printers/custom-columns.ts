/**
 * `-o custom-columns=HEADER:.path,...` and `--sort-by=.path`.
 * Models kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/customcolumn.go (RelaxedJSONPathExpression,
 * NewCustomColumnsPrinterFromSpec, printOneObject) and staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go
 * (SortObjects, isLess) with github.com/fvbommel/sortorder NaturalLess (v1.34).
 */
import { goV, JSONPath, type JsonValue } from '../jsonpath';
import { parseQuantity } from '../../sim/quantity';
import { getNewTabWriter } from './tabwriter';

const jsonRegexp = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** `.a.b`, `a.b`, `{a.b}` or `{.a.b}` as the template `{.a.b}`; throws customcolumn.go's error otherwise. */
export function relaxedJSONPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = jsonRegexp.exec(pathExpression);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

export interface Column { header: string; fieldSpec: string }

/** Parses the spec after `custom-columns=`; throws with kubectl's words. */
export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i === -1) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJSONPathExpression(part.slice(i + 1)) };
  });
}

/** The table text for `objects` (items of a list, or one object); `<none>` for a path with no value. Throws on a bad path. */
export function printCustomColumns(columns: Column[], objects: JsonValue[], noHeaders: boolean): string {
  const w = getNewTabWriter();
  if (!noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  const parsers = columns.map((c, ix) => new JSONPath(`column${ix}`).setAllowMissingKeys(true).parse(c.fieldSpec));
  for (const obj of objects) {
    const cells = parsers.map((p) => {
      const values = p.findResults(obj);
      const strs: string[] = [];
      if (values.length === 0 || values[0].length === 0) strs.push('<none>');
      for (const arr of values) for (const v of arr) strs.push(goV(v));
      return strs.join(',');
    });
    w.write(cells.join('\t') + '\n');
  }
  return w.flush();
}

const isdigit = (c: string) => c >= '0' && c <= '9';

/** fvbommel/sortorder NaturalLess: digit runs compare as numbers, and sort before other characters. */
export function naturalLess(str1: string, str2: string): boolean {
  let idx1 = 0;
  let idx2 = 0;
  while (idx1 < str1.length && idx2 < str2.length) {
    const c1 = str1[idx1];
    const c2 = str2[idx2];
    const dig1 = isdigit(c1);
    const dig2 = isdigit(c2);
    if (dig1 !== dig2) return dig1;
    if (!dig1) {
      if (c1 !== c2) return c1 < c2;
      idx1++;
      idx2++;
      continue;
    }
    while (idx1 < str1.length && str1[idx1] === '0') idx1++;
    while (idx2 < str2.length && str2[idx2] === '0') idx2++;
    const nonZero1 = idx1;
    const nonZero2 = idx2;
    while (idx1 < str1.length && isdigit(str1[idx1])) idx1++;
    while (idx2 < str2.length && isdigit(str2[idx2])) idx2++;
    const len1 = idx1 - nonZero1;
    const len2 = idx2 - nonZero2;
    if (len1 !== len2) return len1 < len2;
    const nr1 = str1.slice(nonZero1, idx1);
    const nr2 = str2.slice(nonZero2, idx2);
    if (nr1 !== nr2) return nr1 < nr2;
    if (nonZero1 !== nonZero2) return nonZero1 < nonZero2;
  }
  return str1.length < str2.length;
}

/** sorter.go isLess for unstructured values: numbers, bools, quantities, then natural string order. */
export function isLess(i: JsonValue, j: JsonValue): boolean {
  if (i === null && j === null) return false;
  if (i === null) return true;
  if (j === null) return false;
  if (typeof i === 'number' && typeof j === 'number') return i < j;
  if (typeof i === 'boolean' && typeof j === 'boolean') return !i && j;
  if (typeof i === 'string' && typeof j === 'string') {
    const iq = parseQuantity(i);
    const jq = iq && parseQuantity(j);
    if (iq && jq) return iq.cmp(jq) < 0;
    return naturalLess(i, j);
  }
  if (Array.isArray(i) && Array.isArray(j)) {
    // sorter.go: slices compare element by element up to the shorter one.
    for (let k = 0; k < Math.min(i.length, j.length); k++) {
      if (isLess(i[k], j[k])) return true;
      if (isLess(j[k], i[k])) return false;
    }
    return i.length < j.length;
  }
  throw new Error(`unsortable type: ${typeof i}`);
}

/**
 * Returns `items` sorted by `field` (sorter.go SortObjects / NewTableSorter): objects without the field first; an
 * error when no object has it. Stable, where Go's sort.Sort is not guaranteed to be.
 */
export function sortByField<T>(items: T[], field: string, toJson: (t: T) => JsonValue): T[] {
  let parsedField: string;
  try { parsedField = relaxedJSONPathExpression(field); } catch { parsedField = field; }
  const parser = new JSONPath('sorting').setAllowMissingKeys(true).parse(parsedField);
  const keyed = items.map((item) => {
    const values = parser.findResults(toJson(item));
    return { item, value: values.length && values[0].length ? values[0][0] : undefined };
  });
  if (items.length > 0 && keyed.every((k) => k.value === undefined)) throw new Error(`couldn't find any field with path "${parsedField}" in the list of objects`);
  const less = (a: JsonValue | undefined, b: JsonValue | undefined) => (a === undefined ? b !== undefined : b === undefined ? false : isLess(a, b));
  return keyed.sort((a, b) => (less(a.value, b.value) ? -1 : less(b.value, a.value) ? 1 : 0)).map((k) => k.item);
}
