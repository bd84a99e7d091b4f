/**
 * Pod validation with the apiserver's field paths and messages.
 * Models kubernetes pkg/apis/core/validation/validation.go (v1.34) ValidatePodCreate → ValidateObjectMeta,
 * ValidatePodSpec, validateContainers, validateRestartPolicy, validatePullPolicy; and ValidatePodUpdate's
 * spec immutability rule. Checks run in upstream's order so several errors list as the apiserver lists them.
 */
import type { Container, Pod } from '../types';
import type { FieldError } from '../errors';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, TotalAnnotationSizeLimitB } from '../validation';

const invalid = (field: string, badValue: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, badValue, detail });

/** Errors for metadata.name, labels and annotations. Models ValidateObjectMeta. */
export function validateObjectMeta(meta: Pod['metadata'], nameFn: (n: string) => string[]): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.name) for (const msg of nameFn(meta.name)) errs.push(invalid('metadata.name', meta.name, msg));
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid('metadata.labels', k, msg));
    for (const msg of isValidLabelValue(String(v))) errs.push(invalid('metadata.labels', v, msg));
  }
  let size = 0;
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid('metadata.annotations', k, msg));
    size += k.length + String(v).length;
  }
  if (size > TotalAnnotationSizeLimitB) {
    errs.push({ type: 'FieldValueTooLong', field: 'metadata.annotations', detail: `may not be more than ${TotalAnnotationSizeLimitB} bytes` });
  }
  return errs;
}

function validateContainers(containers: Container[] | undefined, path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) errs.push({ type: 'FieldValueRequired', field: `${p}.name` });
    else {
      for (const msg of isDNS1123Label(c.name)) errs.push(invalid(`${p}.name`, c.name, msg));
      if (seen.has(c.name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, badValue: c.name });
      seen.add(c.name);
    }
    if (!c.image || !String(c.image).trim()) errs.push({ type: 'FieldValueRequired', field: `${p}.image` });
    const policy = c.imagePullPolicy;
    if (policy && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
      errs.push({ type: 'FieldValueNotSupported', field: `${p}.imagePullPolicy`, badValue: policy, detail: 'supported values: "Always", "IfNotPresent", "Never"' });
    }
  });
  return errs;
}

/** All validation errors for a Pod being created; [] when valid. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, isDNS1123Subdomain);
  const spec = pod.spec ?? ({} as Pod['spec']);
  const seen = new Set<string>();
  if (!spec.containers || spec.containers.length === 0) errs.push({ type: 'FieldValueRequired', field: 'spec.containers' });
  errs.push(...validateContainers(spec.initContainers, 'spec.initContainers', seen));
  errs.push(...validateContainers(spec.containers, 'spec.containers', seen));
  const rp = spec.restartPolicy;
  if (rp && !['Always', 'OnFailure', 'Never'].includes(rp)) {
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.restartPolicy', badValue: rp, detail: 'supported values: "Always", "OnFailure", "Never"' });
  }
  return errs;
}

/** Spec fields a Pod update may change. Everything else is immutable. Models ValidatePodUpdate. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const strip = (p: Pod) => {
    const s = structuredClone(p.spec) as Pod['spec'];
    for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) delete c.image;
    delete s.activeDeadlineSeconds;
    delete s.tolerations;
    delete s.terminationGracePeriodSeconds;
    return JSON.stringify(s);
  };
  if (strip(pod) === strip(old)) return [];
  return [{
    type: 'FieldValueForbidden', field: 'spec',
    detail: 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  }];
}
