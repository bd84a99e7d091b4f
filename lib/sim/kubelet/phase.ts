/**
 * Pod phase from container statuses. Models kubernetes pkg/kubelet/kubelet_pods.go getPhase (v1.34).
 */
import type { ContainerStatus, Pod } from '../types';

const isRestartableInit = (c: { restartPolicy?: string }) => c.restartPolicy === 'Always';

/** The phase the kubelet reports for `pod` given its init and regular container statuses. */
export function getPhase(pod: Pod, initStatuses: ContainerStatus[], statuses: ContainerStatus[], podIsTerminal: boolean, podHasInitialized: boolean): string {
  const spec = pod.spec;
  let pendingRestartableInit = 0, pendingRegularInit = 0, failedInitialization = 0;
  for (const c of spec.initContainers ?? []) {
    const s = initStatuses.find((x) => x.name === c.name);
    if (isRestartableInit(c)) {
      if (!s) pendingRestartableInit++;
      else if (s.state.running) { if (!s.started) pendingRestartableInit++; }
      else if (s.state.terminated) { /* neither pending nor running */ }
      else if (s.state.waiting) { if (!s.lastState.terminated) pendingRestartableInit++; }
      else pendingRestartableInit++;
      continue;
    }
    if (!s) pendingRegularInit++;
    else if (s.state.running) pendingRegularInit++;
    else if (s.state.terminated) { if (s.state.terminated.exitCode !== 0) failedInitialization++; }
    else if (s.state.waiting) {
      if (s.lastState.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInitialization++; }
      else pendingRegularInit++;
    } else pendingRegularInit++;
  }

  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of spec.containers) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown++;
    else if (s.state.running) running++;
    else if (s.state.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++; }
    else if (s.state.waiting) { if (s.lastState.terminated) stopped++; else waiting++; }
    else unknown++;
  }

  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
