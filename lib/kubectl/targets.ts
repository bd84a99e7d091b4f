/**
 * Resolving `TYPE NAME...`, `TYPE/NAME...` and `-f FILE` arguments into API objects, as cli-runtime's
 * resource.Builder does for get, describe, annotate, label and delete.
 */
import type { ResourceType } from '../sim/apiserver';
import type { KubeObject } from '../sim/types';
import type { RunOptions } from './command';
import { readManifests } from './manifest';
import { resolveResource, resourceForKind } from './resources';
import { badRequest, fieldErrorBody, goQuote, type ApiError } from '../sim/errors';
import { isQualifiedName, isValidLabelValue } from '../sim/validation';

export interface Target { type: ResourceType; namespace: string | undefined; name: string }

export class UsageError extends Error {}

/** The warning the apiserver attaches to every core/v1 Endpoints request (pkg/registry/core/endpoint, v1.33+). */
export const endpointsDeprecationWarning = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/**
 * The resources of the `all` category in the order discovery lists them (pods, replicationcontrollers, services,
 * daemonsets, deployments, replicasets, statefulsets, horizontalpodautoscalers, cronjobs, jobs), kept to those
 * the simulated cluster serves.
 */
const categoryAll = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/**
 * The targets named by `args` (and `-f`). `all` selects every object of the type; `selector` filters by labels.
 * Throws Error for an unknown type or a malformed argument, with kubectl's words.
 */
export function resolveTargets(o: RunOptions, args: string[], opts: { all?: boolean; selector?: string; allNamespaces?: boolean } = {}): Target[] {
  const files = (o.flags.filename as string[] | undefined) ?? [];
  const targets: Target[] = [];
  if (files.length) {
    for (const m of readManifests(files, o.ctx.fs, o.ctx.stdin)) {
      const type = resourceForKind(o.cluster, m.object.kind);
      if (!type) throw new Error(`resource mapping not found for name: "${m.object.metadata?.name}" namespace: "" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
      targets.push({ type, namespace: type.namespaced ? (m.object.metadata?.namespace ?? o.namespace) : undefined, name: m.object.metadata?.name ?? '' });
    }
    return targets;
  }
  if (args.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.');
  const ns = (t: ResourceType) => (t.namespaced ? (opts.allNamespaces ? undefined : o.namespace) : undefined);
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const i = a.indexOf('/');
      if (i === -1) throw new Error(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolveResource(o.cluster, a.slice(0, i));
      if (!type) throw new Error(`the server doesn't have a resource type "${a.slice(0, i)}"`);
      targets.push({ type, namespace: ns(type), name: a.slice(i + 1) });
    }
    return targets;
  }
  const [typeArg, ...names] = args;
  const types = typeArg.split(',').flatMap((t) => {
    if (t.toLowerCase() === 'all') return categoryAll.flatMap((r) => o.cluster.api.types.get(r) ?? []);
    const type = resolveResource(o.cluster, t);
    if (!type) throw new Error(`the server doesn't have a resource type "${t}"`);
    return [type];
  });
  if (names.length === 0) {
    if (!opts.all && opts.selector === undefined) return types.map((type) => ({ type, namespace: ns(type), name: '' }));
    return types.map((type) => ({ type, namespace: ns(type), name: '' }));
  }
  for (const type of types) for (const name of names) targets.push({ type, namespace: ns(type), name });
  return targets;
}

// ---- Label selectors: a port of k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Parser, Requirement) v1.34.

type Token = 'Error' | 'EndOfString' | 'ClosedPar' | 'Comma' | 'DoesNotExist' | 'DoubleEquals' | 'Equals' | 'GreaterThan' | 'Identifier' | 'In' | 'LessThan' | 'NotEquals' | 'NotIn' | 'OpenPar';

const string2token: Record<string, Token> = {
  ')': 'ClosedPar', ',': 'Comma', '!': 'DoesNotExist', '==': 'DoubleEquals', '=': 'Equals', '>': 'GreaterThan',
  in: 'In', '<': 'LessThan', '!=': 'NotEquals', notin: 'NotIn', '(': 'OpenPar',
};
const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

/** selector.go Lexer.Lex over the whole input: the tokens up to (and including) EndOfString or Error. */
function scanSelector(input: string): Array<{ tok: Token; lit: string }> {
  let pos = 0;
  const read = () => (pos < input.length ? input[pos++] : (pos++, ''));
  const items: Array<{ tok: Token; lit: string }> = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    let item: { tok: Token; lit: string };
    if (ch === '') item = { tok: 'EndOfString', lit: '' };
    else if (isSpecialSymbol(ch)) {
      pos--;
      let buffer = '';
      let last: { tok: Token; lit: string } | undefined;
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecialSymbol(c)) {
          buffer += c;
          if (string2token[buffer]) last = { tok: string2token[buffer], lit: buffer };
          else if (last) { pos--; break; }
        } else { pos--; break; }
      }
      item = last ?? { tok: 'Error', lit: `error expected: keyword found '${buffer}'` };
    } else {
      pos--;
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecialSymbol(c) || isWhitespace(c)) { pos--; break; }
        buffer += c;
      }
      item = { tok: Object.prototype.hasOwnProperty.call(string2token, buffer) ? string2token[buffer] : 'Identifier', lit: buffer };
    }
    items.push(item);
    if (item.tok === 'EndOfString' || item.tok === 'Error') return items;
  }
}

/** One selector requirement (labels.Requirement): key, selection.Operator, sorted values. */
export interface Requirement { key: string; operator: 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!'; values: string[] }

const binaryOperators = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

/** A selector error as field.Invalid with a nil path prints it (`<nil>: Invalid value: "x": detail`). */
const invalidAtNil = (value: unknown, detail: string) => new Error(`<nil>: ${fieldErrorBody({ type: 'FieldValueInvalid', field: '<nil>', badValue: value, detail })}`);

/** labels.NewRequirement's validation; the error reads as field.ErrorList with a nil path does. */
function newRequirement(key: string, operator: Requirement['operator'], vals: string[]): Requirement {
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) throw invalidAtNil(key, keyErrs.join('; '));
  switch (operator) {
    case 'in': case 'notin':
      if (vals.length === 0) throw new Error("<nil>: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=': case '==': case '!=':
      if (vals.length !== 1) throw invalidAtNil(vals, `exact-match compatibility requires one single value`);
      break;
    case 'exists': case '!':
      if (vals.length !== 0) throw invalidAtNil(vals, `values set must be empty for exists and does not exist`);
      break;
    case 'gt': case 'lt':
      if (vals.length !== 1) throw invalidAtNil(vals, `for 'Gt', 'Lt' operators, exactly one value is required`);
      if (!/^[+-]?\d+$/.test(vals[0])) throw invalidAtNil(vals[0], `for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key, operator, values: vals };
  }
  for (const v of vals) {
    const errs = isValidLabelValue(v);
    if (errs.length) throw invalidAtNil(v, errs.join('; '));
  }
  return { key, operator, values: [...new Set(vals)].sort() };
}

/**
 * Parses a label selector (`a=b,c!=d,e in (f,g),h notin (i),j,!k,l>1`), throwing Error with apimachinery's message
 * (`unable to parse requirement: ...`, `found 'x', expected: ...`). '' selects everything.
 */
export function parseSelector(selector: string): Requirement[] {
  const items = scanSelector(selector);
  let position = 0;
  const lookahead = (values: boolean) => {
    const { tok, lit } = items[position];
    return { tok: values && (tok === 'In' || tok === 'NotIn') ? 'Identifier' as Token : tok, lit };
  };
  const consume = (values: boolean) => {
    const r = lookahead(values);
    position++;
    return r;
  };
  const parseKeyAndInferOperator = (): { key: string; operator?: Requirement['operator'] } => {
    let operator: Requirement['operator'] | undefined;
    let { tok, lit } = consume(true);
    if (tok === 'DoesNotExist') { operator = '!'; ({ tok, lit } = consume(true)); }
    if (tok !== 'Identifier') throw new Error(`found '${lit}', expected: identifier`);
    const keyErrs = isQualifiedName(lit);
    if (keyErrs.length) throw invalidAtNil(lit, keyErrs.join('; '));
    const t = lookahead(true).tok;
    if ((t === 'EndOfString' || t === 'Comma') && operator !== '!') operator = 'exists';
    return { key: lit, operator };
  };
  const parseOperator = (): Requirement['operator'] => {
    const { tok, lit } = consume(false);
    const ops: Partial<Record<Token, Requirement['operator']>> = { In: 'in', Equals: '=', DoubleEquals: '==', GreaterThan: 'gt', LessThan: 'lt', NotIn: 'notin', NotEquals: '!=' };
    const op = ops[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${binaryOperators.join(', ')}`);
    return op;
  };
  const parseIdentifiersList = (): string[] => {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = consume(true);
      if (tok === 'Identifier') {
        s.add(lit);
        const next = lookahead(true);
        if (next.tok === 'Comma') continue;
        if (next.tok === 'ClosedPar') return [...s];
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === 'Comma') {
        if (s.size === 0) s.add('');
        const t2 = lookahead(true).tok;
        if (t2 === 'ClosedPar') { s.add(''); return [...s]; }
        if (t2 === 'Comma') { consume(true); s.add(''); }
      } else throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  };
  const parseValues = (): string[] => {
    let { tok, lit } = consume(true);
    if (tok !== 'OpenPar') throw new Error(`found '${lit}' expected: '('`);
    ({ tok, lit } = lookahead(true));
    if (tok === 'Identifier' || tok === 'Comma') {
      const s = parseIdentifiersList();
      if (consume(true).tok !== 'ClosedPar') throw new Error(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === 'ClosedPar') { consume(true); return ['']; }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  };
  const parseExactValue = (): string[] => {
    const t = lookahead(true).tok;
    if (t === 'EndOfString' || t === 'Comma') return [''];
    const { tok, lit } = consume(true);
    if (tok === 'Identifier') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  };
  const parseRequirement = (): Requirement => {
    const { key, operator } = parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = parseOperator();
    const values = op === 'in' || op === 'notin' ? parseValues() : parseExactValue();
    return newRequirement(key, op, values);
  };
  const requirements: Requirement[] = [];
  for (;;) {
    const { tok, lit } = lookahead(true);
    if (tok === 'Identifier' || tok === 'DoesNotExist') {
      try {
        requirements.push(parseRequirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`);
      }
      const t = consume(true);
      if (t.tok === 'EndOfString') break;
      if (t.tok === 'Comma') {
        const t2 = lookahead(true);
        if (t2.tok !== 'Identifier' && t2.tok !== 'DoesNotExist') throw new Error(`found '${t2.lit}', expected: identifier after ','`);
      } else throw new Error(`found '${t.lit}', expected: ',' or 'end of string'`);
    } else if (tok === 'EndOfString') break;
    else throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
  }
  // internalSelector is sorted by key (sort.Sort(ByKey(requirements))).
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** labels.Requirement.Matches. */
export function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'in': case '=': case '==': return has && r.values.includes(labels[r.key]);
    case 'notin': case '!=': return !has || !r.values.includes(labels[r.key]);
    case 'exists': return has;
    case '!': return !has;
    case 'gt': case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(labels[r.key])) return false;
      const lv = Number(labels[r.key]);
      const rv = Number(r.values[0]);
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

/**
 * The BadRequest the apiserver answers a list with an unparsable `labelSelector`, or undefined when it parses.
 * Models apiserver handlers/get.go ListResource ("Unable to find ... that match label selector").
 */
export function selectorError(t: Target, selector: string | undefined): ApiError | undefined {
  if (!selector) return undefined;
  try {
    parseSelector(selector);
    return undefined;
  } catch (e) {
    return badRequest(`Unable to find "/v1, Resource=${t.type.resource}" that match label selector ${goQuote(selector)}, field selector "": ${(e as Error).message}`);
  }
}

/** Whether `labels` match `selector` (equality- and set-based). An unparsable selector matches nothing. */
export function matchesSelector(labels: Record<string, string> | undefined, selector: string | undefined): boolean {
  if (!selector) return true;
  let reqs: Requirement[];
  try { reqs = parseSelector(selector); } catch { return false; }
  return reqs.every((r) => requirementMatches(r, labels ?? {}));
}

/** Lists the objects of a name-less target. */
export function listTarget<T extends KubeObject>(o: RunOptions, t: Target, selector?: string): T[] {
  return o.cluster.api.list<T>(t.type.resource, t.namespace).filter((obj) => matchesSelector(obj.metadata.labels, selector));
}
