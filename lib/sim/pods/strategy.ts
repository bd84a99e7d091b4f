/**
 * The Pod registry strategy: defaulting, validation, generation and graceful deletion.
 * Models kubernetes pkg/registry/core/pod/strategy.go (v1.34).
 */
import type { ResourceStrategy } from '../apiserver';
import type { Pod } from '../types';
import { defaultPod } from './defaults';
import { validatePod, validatePodUpdate } from './validation';

export const podStrategy: ResourceStrategy<Pod> = {
  prepareForCreate(pod, { random }) {
    pod.spec = pod.spec ?? ({} as Pod['spec']);
    // Validation sees the object after defaulting, as in the apiserver; skip defaulting what cannot be valid.
    if (Array.isArray(pod.spec.containers)) defaultPod(pod, random);
  },
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  specChanged: (pod, old) => JSON.stringify(pod.spec) !== JSON.stringify(old.spec),
  // CheckGracefulDelete: the requested period, else the pod's; 0 if unscheduled or already terminated.
  gracePeriod(pod, requested) {
    let period = requested ?? pod.spec.terminationGracePeriodSeconds ?? 0;
    if (!pod.spec.nodeName) period = 0;
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0;
    if (period < 0) period = 1;
    return period;
  },
};
