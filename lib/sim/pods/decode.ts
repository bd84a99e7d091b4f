/**
 * Decoding a Pod body: what the apiserver's JSON decoder does to its quantities (Quantity.UnmarshalJSON), v1.34.
 */
import type { Pod } from '../types';
import { decodeError } from '../errors';
import { QuantityParseError, unmarshalQuantity } from '../quantity';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => obj(x)).filter((x): x is Obj => x !== undefined) : []);
const sorted = (o: Obj) => Object.keys(o).sort();

/**
 * Parses every quantity of a Pod as the apiserver's JSON decoder does and rewrites it in canonical form (String()).
 * Throws the apiserver's BadRequest for the first unparsable one, in the order of the JSON kubectl sends (sorted keys):
 * `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '...'`.
 * Also writes `divisor: "0"` into resourceFieldRefs without one, as the non-pointer Quantity always serializes.
 */
export function decodePodQuantities(pod: Pod): void {
  const decode = (holder: Obj, key: string) => {
    if (!(key in holder) || holder[key] === undefined) return;
    try {
      holder[key] = unmarshalQuantity(holder[key]).toString();
    } catch (e) {
      if (e instanceof QuantityParseError) throw decodeError('Pod', 'v1', e.message);
      throw e;
    }
  };
  const resourceList = (l: unknown) => { const m = obj(l); if (m) for (const k of sorted(m)) decode(m, k); };
  const requirements = (r: unknown) => { const m = obj(r); if (m) { resourceList(m.limits); resourceList(m.requests); } };
  const fieldRef = (ref: unknown) => { const m = obj(ref); if (m) { m.divisor ??= '0'; decode(m, 'divisor'); } };
  const spec = obj(pod.spec);
  if (!spec) return;
  for (const key of ['containers', 'ephemeralContainers', 'initContainers']) {
    for (const c of list(spec[key])) {
      for (const e of list(c.env)) fieldRef(obj(e.valueFrom)?.resourceFieldRef);
      requirements(c.resources);
    }
  }
  resourceList(spec.overhead);
  requirements(spec.resources);
  for (const v of list(spec.volumes)) {
    for (const item of list(obj(v.downwardAPI)?.items)) fieldRef(item.resourceFieldRef);
    const emptyDir = obj(v.emptyDir);
    if (emptyDir?.sizeLimit === null) delete emptyDir.sizeLimit; // a *Quantity: null leaves it unset
    if (emptyDir) decode(emptyDir, 'sizeLimit');
    requirements(obj(obj(obj(v.ephemeral)?.volumeClaimTemplate)?.spec)?.resources);
    for (const s of list(obj(v.projected)?.sources)) for (const item of list(obj(s.downwardAPI)?.items)) fieldRef(item.resourceFieldRef);
  }
}
