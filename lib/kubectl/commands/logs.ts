/**
 * `kubectl logs POD [-c CONTAINER] [--previous] [--tail N] [--timestamps]`. Models kubectl pkg/cmd/logs/logs.go
 * (v1.34) Complete (`logs POD CONTAINER` still accepted), polymorphichelpers/logsforobject.go (default container,
 * `Defaulted container ...` notice, `container x is not valid for pod y out of: ...`), and the kubelet's
 * pkg/kubelet/kubelet_pods.go validateContainerLogStatus for the errors the server answers (as BadRequest).
 * `-f` streams: what is there now, then each line as the container writes it, until that container instance ends
 * (the kubelet's ReadLogs with Follow stops when the container exits) or Ctrl-C.
 */
import type { ContainerStatus, Pod } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { newOutput, result, selectorFlag } from '../command';
import { createStream } from '../../shell/types';
import { badRequest } from '../../sim/errors';
import { formatError } from '../errors';
import { allContainerNames, DefaultContainerAnnotationName, getPod, podHasContainerWithName, podNameArg } from './exec';

const logsUsageErrStr = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** kuberuntime/logs/logs.go timeFormatOut: RFC 3339 with nine fractional digits. */
export function formatLogTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2025-09-01T09:00:00.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** Models validateContainerLogStatus: the instance whose log is read, or the kubelet's refusal. */
function validateContainerLogStatus(pod: Pod, containerName: string, previous: boolean): 'current' | 'previous' {
  const podName = pod.metadata.name;
  const statuses: ContainerStatus[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const s = statuses.find((c) => c.name === containerName);
  if (!s) throw badRequest(`container "${containerName}" in pod "${podName}" is not available`);
  const last = s.lastState?.terminated;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${containerName}" in pod "${podName}" not found`);
    return 'previous';
  }
  if (s.state?.running) return 'current';
  if (s.state?.terminated) {
    if (s.state.terminated.containerID) return 'current';
    if (last?.containerID) return 'current';
    throw badRequest(`container "${containerName}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container "${containerName}" in pod "${podName}" is terminated`);
    return 'current';
  }
  const reason = s.state?.waiting?.reason;
  if (s.state?.waiting) {
    if (reason === 'ErrImagePull') throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff') throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start: ${reason ?? ''}`);
  }
  throw badRequest(`container "${containerName}" in pod "${podName}" is waiting to start - no logs yet`);
}

function run(o: RunOptions) {
  const out = newOutput();
  const usage = (msg: string) => { out.err.push(`error: ${msg}\nSee 'kubectl logs -h' for help and examples\n`); return result(out, 1); };
  // logs.go Complete
  let container = o.flags.container as string;
  if (o.args.length === 0 || o.args.length > 2) return usage(logsUsageErrStr);
  if (o.args.length === 2) container = o.args[1];
  try {
    const pod = getPod(o, podNameArg(o.args[0]));
    // logsforobject.go: the annotation, else the first container with a notice when there are others.
    if (!container) {
      const annotated = pod.metadata.annotations?.[DefaultContainerAnnotationName];
      if (annotated) {
        if (podHasContainerWithName(pod, annotated)) container = annotated;
        else out.err.push(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
      }
    }
    if (!container) {
      container = pod.spec.containers[0].name;
      const spec = pod.spec as { ephemeralContainers?: unknown[] };
      if (pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0 || (spec.ephemeralContainers?.length ?? 0) > 0) {
        out.err.push(`Defaulted container "${container}" out of: ${allContainerNames(pod)}\n`);
      }
    }
    if (!podHasContainerWithName(pod, container)) throw new Error(`container ${container} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}`);
    // The apiserver's LogLocation: a pod not yet bound to a node has no log location, and the answer is empty.
    if (!pod.spec.nodeName) return result(out, 0);
    const which = validateContainerLogStatus(pod, container, o.flags.previous as boolean);
    const kubelet = o.cluster.kubelets.get(pod.spec.nodeName);
    const podName = pod.metadata.name!;
    const statusOf = () => {
      const p = o.cluster.api.find<Pod>('pods', o.namespace, podName);
      return p && p.metadata.uid === pod.metadata.uid
        ? [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])].find((c) => c.name === container)
        : undefined;
    };
    /** The log of the instance being read, as lines with the time each was written (when the runtime knows it). */
    const linesNow = (previous = which === 'previous'): Array<{ time: number; text: string; end: boolean }> => {
      const text = kubelet?.logs(o.namespace, podName, container, previous) ?? '';
      const timed = o.flags.timestamps ? kubelet?.logLines(o.namespace, podName, container, previous) : undefined;
      if (timed) return timed.map((l, i) => ({ time: l.time, text: l.text, end: i < timed.length - 1 || text.endsWith('\n') }));
      // Without the runtime's line times (a process that keeps none), lines carry the instance's start time.
      const s = statusOf();
      const st = previous ? s?.lastState?.terminated : s?.state?.terminated ?? s?.state?.running ?? s?.lastState?.terminated;
      const at = Date.parse(st?.startedAt ?? '') || 0;
      const parts = text.split('\n');
      const endsWithNewline = parts[parts.length - 1] === '';
      if (endsWithNewline) parts.pop();
      return parts.map((t, i) => ({ time: at, text: t, end: i < parts.length - 1 || endsWithNewline }));
    };
    const format = (l: { time: number; text: string; end: boolean }) => `${o.flags.timestamps ? `${formatLogTimestamp(l.time)} ` : ''}${l.text}${l.end ? '\n' : ''}`;
    let lines = linesNow();
    const tail = o.flags.tail as number;
    const following = o.flags.follow && which === 'current' && statusOf()?.state?.running !== undefined;
    // A followed log shows complete lines as they come; the last, unfinished one waits for its newline.
    let shown = following && lines.length > 0 && !lines[lines.length - 1].end ? lines.length - 1 : lines.length;
    lines = lines.slice(0, shown);
    if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
    for (const l of lines) out.out.push(format(l));
    if (following) {
      const instance = statusOf()?.containerID;
      const running = () => {
        const st = statusOf();
        return st?.containerID === instance && st?.state?.running !== undefined;
      };
      let ended = false;
      return createStream({
        first: { stdout: out.out.join(''), stderr: out.err.join('') },
        more: () => {
          if (ended) return { stdout: '', stderr: '' };
          // Once the instance has ended, its last words are read too (its log outlives it on the node); if it was
          // restarted meanwhile, the instance followed is now the previous one.
          ended = !running();
          const all = linesNow(statusOf()?.containerID !== instance);
          const upTo = ended || all.length === 0 || all[all.length - 1].end ? all.length : all.length - 1;
          const fresh = all.slice(shown, upTo).map(format).join('');
          shown = Math.max(shown, upTo);
          return { stdout: fresh, stderr: '' };
        },
        done: () => (running() ? undefined : 0),
      });
    }
    return result(out, 0);
  } catch (e) {
    out.err.push(formatError(e));
    return result(out, 1);
  }
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', shorthand: 'f', type: 'bool', default: false, usage: 'Specify if the logs should be streamed.' },
    { name: 'previous', shorthand: 'p', type: 'bool', default: false, usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    selectorFlag,
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', default: false, usage: 'Include timestamps on each line in the log output' },
  ],
  run,
};
