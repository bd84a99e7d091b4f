/**
 * `kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs a command in a running container through
 * its node's kubelet. Models kubectl pkg/cmd/exec/exec.go (v1.34) Complete / Validate / Run, with
 * pkg/cmd/util/podcmd/podcmd.go FindOrDefaultContainerByName for the default container and its notice, and the
 * apiserver's pkg/registry/core/pod/strategy.go streamLocation for the errors the server answers.
 */
import type { Pod } from '../../sim/types';
import type { KubectlCommand, Output, RunOptions } from '../command';
import { filenameFlag, newOutput, result } from '../command';
import { badRequest, notFound } from '../../sim/errors';
import { formatError } from '../errors';

/** podcmd.DefaultContainerAnnotationName */
export const DefaultContainerAnnotationName = 'kubectl.kubernetes.io/default-container';

/** podcmd.AllContainerNames: containers, then ephemeral ` (ephem)`, then init ` (init)`, comma-separated. */
export function allContainerNames(pod: Pod): string {
  const names = (pod.spec.containers ?? []).map((c) => c.name);
  const spec = pod.spec as { ephemeralContainers?: Array<{ name: string }> };
  for (const c of spec.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  for (const c of pod.spec.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(', ');
}

/**
 * Models podcmd.FindOrDefaultContainerByName: the named container (an error when absent), else the one the
 * default-container annotation names, else the first, with `Defaulted container ...` written to `out.err` when the
 * pod has other containers (init and ephemeral included) and `quiet` is false. Returns the container's name.
 */
export function findOrDefaultContainerByName(pod: Pod, name: string, quiet: boolean, out: Output): string {
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  if (name) {
    if (!all.some((c) => c.name === name)) throw new Error(`container ${name} not found in pod ${pod.metadata.name}`);
    return name;
  }
  if (!pod.spec.containers?.length) throw new Error(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata.annotations?.[DefaultContainerAnnotationName];
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0].name;
  const spec = pod.spec as { ephemeralContainers?: unknown[] };
  if (!quiet && (pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0 || (spec.ephemeralContainers?.length ?? 0) > 0)) {
    out.err.push(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

/** Whether the pod spec has a container (init, regular or ephemeral) of that name: strategy.go podHasContainerWithName. */
export function podHasContainerWithName(pod: Pod, name: string): boolean {
  const spec = pod.spec as { ephemeralContainers?: Array<{ name: string }> };
  return [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].some((c) => c.name === name);
}

/** `pod/NAME`, `pods/NAME`, `po/NAME` or `NAME` → the pod name; other types are not in the simulator. */
export function podNameArg(arg: string): string {
  const slash = arg.indexOf('/');
  if (slash === -1) return arg;
  const type = arg.slice(0, slash).toLowerCase();
  if (['pod', 'pods', 'po'].includes(type)) return arg.slice(slash + 1);
  throw new Error(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
}

/** The pod as the server has it, or the NotFound kubectl prints. */
export function getPod(o: RunOptions, name: string): Pod {
  const pod = o.cluster.api.find<Pod>('pods', o.namespace, name);
  if (!pod) throw notFound('pods', name);
  return pod;
}

function run(o: RunOptions) {
  const out = newOutput();
  // exec.go Complete: the pod is the first word before `--` (further words before it are ignored, as there);
  // the words after it are the command.
  const args = o.args;
  const atDash = o.dashArgs !== undefined ? args.length : -1;
  if (args.length === 0 || atDash === 0) {
    out.err.push('error: pod, type/name or --filename must be specified\n');
    return result(out, 1);
  }
  if (atDash === -1 && args.length > 1) {
    out.err.push("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    return result(out, 1);
  }
  const command = o.dashArgs ?? [];
  // exec.go Validate
  if (command.length === 0) {
    out.err.push('error: you must specify at least one command for the container\n');
    return result(out, 1);
  }
  try {
    const pod = getPod(o, podNameArg(args[0]));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const name = (o.flags.container as string) || findOrDefaultContainerByName(pod, '', o.flags.quiet as boolean, out);
    // The apiserver's streamLocation checks the container and the node before the kubelet is asked.
    if (!podHasContainerWithName(pod, name)) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
    if (!pod.spec.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
    const proc = o.cluster.kubelets.get(pod.spec.nodeName)?.containerProcess(o.namespace, pod.metadata.name!, name);
    // The kubelet's streaming server answers 404 `container not found ("x")` when the container is not running, and
    // the SPDY/websocket upgrade fails with it (client-go transport/spdy).
    if (!proc) throw new Error(`unable to upgrade connection: container not found ("${name}")`);
    const r = proc.exec(command, { stdin: o.flags.stdin ? o.ctx.stdin : '' });
    if (r.durationMs > 0) o.ctx.waitUntil(() => false, r.durationMs);
    if (r.runtimeError) throw new Error(r.runtimeError);
    // With -t the remote side has one pseudo-terminal: stderr comes back on stdout.
    out.out.push(r.stdout);
    (o.flags.tty ? out.out : out.err).push(r.stderr);
    if (r.exitCode !== 0) {
      // cmdutil.CheckErr prints an exec.CodeExitError as is (no `error: ` prefix) and exits with its status.
      out.err.push(`command terminated with exit code ${r.exitCode}\n`);
      return result(out, r.exitCode);
    }
    return result(out, 0);
  } catch (e) {
    out.err.push(formatError(e));
    return result(out, 1);
  }
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { ...filenameFlag, usage: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', shorthand: 'q', type: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'stdin', shorthand: 'i', type: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', shorthand: 't', type: 'bool', default: false, usage: 'Stdin is a TTY' },
  ],
  run,
};
