/**
 * `kubectl run NAME --image=IMAGE [--restart=...] [--labels=...] [--port=...] [--env=...] [--command] [-- args]`:
 * creates one Pod. Models kubectl pkg/cmd/run/run.go (v1.34) RunOptions.Run (validation, restart policy, dry-run,
 * `pod/NAME created`) and pkg/generate/versioned/run.go BasicPod (labels `run=NAME`, `resources: {}`,
 * dnsPolicy ClusterFirst, updatePodContainers / updatePodPorts, ParseEnv, ParseLabels). Attaching (`-i`, `-t`,
 * `--rm`, `--attach`) is not offered.
 */
import type { Pod } from '../../sim/types';
import type { KubectlCommand, RunOptions } from '../command';
import { dryRunFlag, newOutput, outputFlag, result } from '../command';
import { formatError } from '../errors';
import { toYaml } from '../printers/yaml';
import { toJson } from '../printers/json';

class UsageError extends Error {}

/** docker/distribution reference.ReferenceRegexp, as run.go checks the image name with it. */
const referenceRegexp = /^((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?$/;

/** generate/versioned ParseLabels: `k=v,k2=v2`. */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${pair}`);
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** generate/versioned ParseEnv: `NAME=value` (value may be empty). */
function parseEnv(specs: string[]): Array<{ name: string; value: string }> {
  return specs.map((s) => {
    const i = s.indexOf('=');
    if (i <= 0) throw new Error(`invalid env: ${s}`);
    return { name: s.slice(0, i), value: s.slice(i + 1) };
  });
}

/**
 * The Pod `kubectl run` sends, built in Go struct field order (the JSON printer keeps it for this typed object).
 * Pure.
 */
export function basicPod(o: { name: string; image: string; restart: string; labels?: string; env: string[]; port: string; command: boolean; args: string[]; imagePullPolicy?: string }): Pod {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length) {
    if (o.command) container.command = o.args;
    else container.args = o.args;
  }
  if (o.port !== '' && o.port !== '-1') {
    if (!/^[+-]?\d+$/.test(o.port)) throw new Error(`strconv.Atoi: parsing "${o.port}": invalid syntax`);
    const port = Number(o.port);
    if (port > 0) container.ports = [{ containerPort: port }];
  }
  const env = parseEnv(o.env);
  if (env.length) container.env = env;
  container.resources = {};
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: o.name, labels: o.labels ? parseLabels(o.labels) : { run: o.name } },
    spec: { containers: [container], restartPolicy: o.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as Pod;
}

function run(o: RunOptions) {
  const out = newOutput();
  try {
    const image = o.flags.image as string | undefined;
    // cobra's MarkFlagRequired("image") is checked before the command runs.
    if (!image) throw new Error('required flag(s) "image" not set');
    if (o.args.length === 0) throw new UsageError('NAME is required for run');
    if (!referenceRegexp.test(image)) throw new Error(`Invalid image name "${image}": invalid reference format`);
    const restart = (o.flags.restart as string) || 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
    const dryRun = o.flags['dry-run'] as string;
    if (!['none', 'client', 'server', 'unchanged'].includes(dryRun)) throw new Error(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
    const output = (o.flags.output as string | undefined) ?? '';
    if (output && !['yaml', 'json', 'name'].includes(output)) {
      throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
    }
    const pod = basicPod({
      name: o.args[0], image, restart, labels: o.flags.labels as string | undefined, env: o.flags.env as string[],
      port: String(o.flags.port ?? ''), command: o.flags.command as boolean, args: [...o.args.slice(1), ...(o.dashArgs ?? [])],
      imagePullPolicy: o.flags['image-pull-policy'] as string | undefined,
    });
    let shown: unknown = pod;
    if (dryRun !== 'client') {
      pod.metadata.namespace = o.namespace;
      shown = o.cluster.api.create('pods', pod, { dryRun: dryRun === 'server' });
    }
    if (output === 'yaml') out.out.push(toYaml(shown));
    else if (output === 'json') out.out.push(dryRun === 'client' ? `${JSON.stringify(shown, null, 4)}\n` : toJson(shown));
    else if (output === 'name') out.out.push(`pod/${pod.metadata.name}\n`);
    else out.out.push(`pod/${pod.metadata.name} created${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    return result(out, 0);
  } catch (e) {
    out.err.push(formatError(e));
    if (e instanceof UsageError) out.err.push("See 'kubectl run -h' for help and examples\n");
    return result(out, 1);
  }
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'command', type: 'bool', default: false, usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    dryRunFlag,
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    outputFlag,
    { name: 'port', type: 'string', default: '-1', usage: 'The port that this container exposes.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
  ],
  run,
};
