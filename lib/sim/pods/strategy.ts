/**
 * The Pod registry strategy: decoding, defaulting, admission, validation, generation and graceful deletion.
 * Models kubernetes pkg/registry/core/pod/strategy.go (v1.34) and the decode/admission steps of the apiserver's
 * create handler (see ./defaults).
 */
import type { ResourceStrategy } from '../apiserver';
import type { Pod } from '../types';
import { admitPodUpdate, defaultPod, setPodDefaults } from './defaults';
import { decodePodQuantities } from './decode';
import { semanticEqual, validatePod, validatePodUpdate } from './validation';

export const podStrategy: ResourceStrategy<Pod> = {
  /** Canonicalizes quantities (the typed decode is the apiserver's, lib/sim/schema/decode.ts), defaults, admits (Forbidden) and prepares a new Pod. */
  prepareForCreate(pod, { random }) {
    pod.spec = pod.spec ?? ({} as Pod['spec']);
    defaultPod(pod, random);
  },
  /** Decodes and defaults an update's Pod and runs the update admission. Models the update handler's decode and admit. */
  prepareForUpdate(pod, old) {
    pod.spec = pod.spec ?? ({} as Pod['spec']);
    decodePodQuantities(pod);
    setPodDefaults(pod);
    admitPodUpdate(pod, old);
  },
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  specChanged: (pod, old) => !semanticEqual(pod.spec, old.spec),
  // CheckGracefulDelete: the requested period, else the pod's; 0 if unscheduled or already terminated.
  gracePeriod(pod, requested) {
    let period = requested ?? pod.spec.terminationGracePeriodSeconds ?? 0;
    if (!pod.spec.nodeName) period = 0;
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0;
    if (period < 0) period = 1;
    return period;
  },
};
