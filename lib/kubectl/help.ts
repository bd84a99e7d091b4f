/**
 * `kubectl CMD --help`, `kubectl help CMD`, `kubectl --help` and `kubectl options`, printed as kubectl v1.34 prints
 * them. The texts are upstream's, per command (below, each citing its source file in k8s.io/kubectl v1.34); the layout
 * ports kubectl's templates: pkg/util/templates/templates.go (MainHelpTemplate, MainUsageTemplate and its sections),
 * templater.go (HelpFunc, UsageFunc, cmdGroupsString, usageLine, flagsUsages, getFlagFormat),
 * help_flags_printer.go (PrintHelpFlag) and pkg/util/term/term_writer.go (NewResponsiveWriter, the terminal width
 * steps), with github.com/mitchellh/go-wordwrap v1.0.1 for the wrapping.
 *
 * One deliberate difference: Options lists only the flags this terminal implements (the registry's flags of the
 * command), so help never offers a flag that answers "unknown flag"; likewise subcommands and the command groups of
 * `kubectl --help` list only commands the terminal has. Everything shown is upstream's wording.
 *
 * The texts were taken from a kubectl v1.32.4 client's own `--help` output and checked against the v1.33/v1.34 changes
 * that reach them (each marked where it applies); the layout and wrapping reproduce that client's output byte for
 * byte, off a terminal and at 80, 90, 100 and 120 columns.
 */
import type { KubectlCommand, RunOptions } from './command';
import type { ProgramResult } from '../shell/types';
import { FlagError, parseFlags, type FlagSpec } from './flags';
import { goQuote } from '../sim/errors';

// ---------------------------------------------------------------------------------------------------------------
// Wrapping

/**
 * Wraps `s` at white space so lines stay within `lim` characters where possible; a word longer than the limit stays
 * whole, and existing newlines are kept. Port of github.com/mitchellh/go-wordwrap v1.0.1 WrapString (which kubectl
 * v1.34 vendors), counting runes as it does. `lim` Infinity leaves `s` alone. Pure.
 */
export function wrapString(s: string, lim: number): string {
  const nbsp = '\u00a0';
  let buf = '';
  let current = 0;
  let wordBuf = '';
  let spaceBuf = '';
  let wordBufLen = 0;
  let spaceBufLen = 0;
  for (const char of s) {
    if (char === '\n') {
      if (wordBufLen === 0) {
        if (current + spaceBufLen > lim) current = 0;
        else { current += spaceBufLen; buf += spaceBuf; }
        spaceBuf = ''; spaceBufLen = 0;
      } else {
        current += spaceBufLen + wordBufLen;
        buf += spaceBuf + wordBuf;
        spaceBuf = ''; spaceBufLen = 0; wordBuf = ''; wordBufLen = 0;
      }
      buf += char;
      current = 0;
    } else if (isGoSpace(char) && char !== nbsp) {
      if (spaceBufLen === 0 || wordBufLen > 0) {
        current += spaceBufLen + wordBufLen;
        buf += spaceBuf + wordBuf;
        spaceBuf = ''; spaceBufLen = 0; wordBuf = ''; wordBufLen = 0;
      }
      spaceBuf += char; spaceBufLen++;
    } else {
      wordBuf += char; wordBufLen++;
      if (current + spaceBufLen + wordBufLen > lim && wordBufLen < lim) {
        buf += '\n';
        current = 0;
        spaceBuf = ''; spaceBufLen = 0;
      }
    }
  }
  if (wordBufLen === 0) {
    if (current + spaceBufLen <= lim) buf += spaceBuf;
  } else buf += spaceBuf + wordBuf;
  return buf;
}

/** Go's unicode.IsSpace. */
const isGoSpace = (c: string) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);

/**
 * The wrap limit kubectl uses on a terminal `columns` wide: pkg/util/term getTerminalLimitWidth (120, 100 or 80
 * columns; none below 80). Off a terminal (a pipe, a file) kubectl does not wrap: 0.
 */
export function terminalLimitWidth(columns: number): number {
  if (columns >= 120) return 120;
  if (columns >= 100) return 100;
  if (columns >= 80) return 80;
  return 0;
}

/**
 * The lesson terminal's width is not known to programs (ProgramContext has no column count), so on a terminal help
 * wraps as kubectl does on one 80 columns wide, the lesson terminal's initial width (lib/shell/terminal.ts).
 */
const ASSUMED_TERMINAL_COLUMNS = 80;

/** The wrap limit for help written to this program's stdout: kubectl wraps only on a terminal. */
export const helpWrapLimit = (ctx: { isTTY: boolean }): number => (ctx.isTTY ? terminalLimitWidth(ASSUMED_TERMINAL_COLUMNS) : 0);

/** term.NewResponsiveWriter: each write is word-wrapped at the limit, when there is one. */
const responsive = (s: string, wrapLimit: number) => (wrapLimit > 0 ? wrapString(s, wrapLimit) : s);

// ---------------------------------------------------------------------------------------------------------------
// Upstream texts

/** A flag as pflag holds it: `Value.Type()` matters only for quoting (`--name='value'` for strings). */
export interface FlagDoc {
  shorthand?: string;
  string: boolean;
  /** pflag's DefValue, as printed. */
  defValue: string;
  usage: string;
}

/** A cobra command's help texts as kubectl v1.34 registers them. */
export interface CommandDoc {
  short: string;
  /** `Long` after templates.LongDesc (markdown rendered to text, paragraphs indented by one space, trimmed). */
  long: string;
  /** `Example` before templates.Examples (which trims it and indents every line by two spaces). */
  example?: string;
  aliases?: string[];
  /** The usage line as printed: cobra's UseLine plus kubectl's ` [options]`. */
  use: string;
  flags: Record<string, FlagDoc>;
  /** Subcommands, by name (only those this terminal implements). */
  subcommands?: Record<string, CommandDoc>;
}

const str = (defValue: string, usage: string, shorthand?: string): FlagDoc => ({ shorthand, string: true, defValue, usage });
const val = (defValue: string, usage: string, shorthand?: string): FlagDoc => ({ shorthand, string: false, defValue, usage });

// Usage texts shared by several commands (cmdutil.Add*Flag helpers, genericclioptions.PrintFlags and the like).
const DRY_RUN = 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';
// genericclioptions.PrintFlags AllowedFormats; in v1.34 `kyaml` joins only with KUBECTL_KYAML=true (json_yaml_flags.go).
const OUTPUT = 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).';
// cmdutil.AddLabelSelectorFlagVar and the commands' own -l flags; the set-based example is v1.33's (kubernetes #129106).
const SELECTOR = 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.';
const ALL_NAMESPACES = 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.';
const FIELD_SELECTOR = 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.';
const NO_HEADERS = 'When using the default or custom-column output format, don\'t print headers (default print headers).';
const FORCE = 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.';
const GRACE_PERIOD = 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).';
const RECURSIVE = 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.';
const TIMEOUT = 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object';
const VALIDATE = 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.';
const WAIT = 'If true, wait for resources to be gone before returning. This waits for finalizers.';
const USE_PROTOCOL_BUFFERS = 'Enables using protocol-buffers to access Metrics API.';
const CHUNK_SIZE = 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.';
const POD_RUNNING_TIMEOUT = 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running';
const ALL_NAMESPACES_CHECK = 'If true, check the specified action in all namespaces.';

// kubectl pkg/cmd/create/create.go (createLong, createExample, NewCmdCreate)
const CREATE: CommandDoc = {
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n' +
      ' JSON and YAML formats are accepted.',
  example: `
    # Create a pod using the data in pod.json
    kubectl create -f ./pod.json

    # Create a pod based on the JSON passed into stdin
    cat pod.json | kubectl create -f -

    # Edit the data in registry.yaml in JSON then create the resource using the edited data
    kubectl create -f registry.yaml --edit -o json`,
  use: 'kubectl create -f FILENAME [options]',
  flags: {
    'dry-run': str('none', DRY_RUN),
    edit: val('false', 'Edit the API resource before creating'),
    filename: val('[]', 'Filename, directory, or URL to files to use to create the resource', 'f'),
    output: str('', OUTPUT, 'o'),
    'save-config': val('false', 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.'),
    selector: str('', SELECTOR, 'l'),
    validate: str('strict', VALIDATE),
  },
};

// kubectl pkg/cmd/run/run.go (runLong, runExample, NewCmdRun, addRunFlags)
const RUN: CommandDoc = {
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  example: `
    # Start a nginx pod
    kubectl run nginx --image=nginx

    # Start a hazelcast pod and let the container expose port 5701
    kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

    # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
    kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

    # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
    kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

    # Dry run; print the corresponding API objects without creating them
    kubectl run nginx --image=nginx --dry-run=client

    # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
    kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

    # Start a busybox pod and keep it in the foreground, don't restart it if it exits
    kubectl run -i -t busybox --image=busybox --restart=Never

    # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
    kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

    # Start the nginx pod using a different command and custom arguments
    kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  use: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: {
    annotations: val('[]', 'Annotations to apply to the pod.'),
    attach: val('false', 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.  Default false, unless \'-i/--stdin\' is set, in which case the default is true. With \'--restart=Never\' the exit code of the container process is returned.'),
    command: val('false', 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.'),
    'dry-run': str('none', DRY_RUN),
    env: val('[]', 'Environment variables to set in the container.'),
    image: str('', 'The image for the container to run.'),
    'image-pull-policy': str('', 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.'),
    labels: str('', 'Comma separated labels to apply to the pod. Will override previous values.', 'l'),
    output: str('', OUTPUT, 'o'),
    overrides: str('', 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.'),
    port: str('', 'The port that this container exposes.'),
    privileged: val('false', 'If true, run the container in privileged mode.'),
    restart: str('Always', 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].'),
    rm: val('false', 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.'),
    stdin: val('false', 'Keep stdin open on the container in the pod, even if nothing is attached.', 'i'),
    tty: val('false', 'Allocate a TTY for the container in the pod.', 't'),
  },
};

// kubectl pkg/cmd/get/get.go (getLong, getExample, NewCmdGet), get_flags.go, humanreadable_flags.go
const GET: CommandDoc = {
  short: 'Display one or many resources',
  long: 'Display one or many resources.\n\n' +
      ' Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don\'t specify any namespace.\n\n' +
      ' By specifying the output as \'template\' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\n' +
      'Use "kubectl api-resources" for a complete list of supported resources.',
  example: `
    # List all pods in ps output format
    kubectl get pods

    # List all pods in ps output format with more information (such as node name)
    kubectl get pods -o wide

    # List a single replication controller with specified NAME in ps output format
    kubectl get replicationcontroller web

    # List deployments in JSON output format, in the "v1" version of the "apps" API group
    kubectl get deployments.v1.apps -o json

    # List a single pod in JSON output format
    kubectl get -o json pod web-pod-13je7

    # List a pod identified by type and name specified in "pod.yaml" in JSON output format
    kubectl get -f pod.yaml -o json

    # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
    kubectl get -k dir/

    # Return only the phase value of the specified pod
    kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

    # List resource information in custom columns
    kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

    # List all replication controllers and services together in ps output format
    kubectl get rc,services

    # List one or more resources by their type and names
    kubectl get rc/web service/frontend pods/web-pod-13je7

    # List the 'status' subresource for a single pod
    kubectl get pod web-pod-13je7 --subresource status

    # List all deployments in namespace 'backend'
    kubectl get deployments.apps --namespace backend

    # List all pods existing in all namespaces
    kubectl get pods --all-namespaces`,
  use: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: {
    'all-namespaces': val('false', ALL_NAMESPACES, 'A'),
    'field-selector': str('', FIELD_SELECTOR),
    filename: val('[]', 'Filename, directory, or URL to files identifying the resource to get from a server.', 'f'),
    'label-columns': val('[]', 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...', 'L'),
    'no-headers': val('false', NO_HEADERS),
    output: str('', 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].', 'o'),
    'output-watch-events': val('false', 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.'),
    selector: str('', SELECTOR, 'l'),
    'show-kind': val('false', 'If present, list the resource type for the requested object(s).'),
    'show-labels': val('false', 'When printing, show all labels as the last column (default hide labels column)'),
    'sort-by': str('', 'If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. \'{.metadata.name}\'). The field in the API resource specified by this JSONPath expression must be an integer or a string.'),
    watch: val('false', 'After listing/getting the requested object, watch for changes.', 'w'),
    'watch-only': val('false', 'Watch for changes to the requested object(s), without listing/getting first.'),
  },
};

// kubectl pkg/cmd/delete/delete.go (deleteLong, deleteExample, NewCmdDelete), delete_flags.go
const DELETE: CommandDoc = {
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n' +
      ' JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n' +
      ' Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n' +
      ' IMPORTANT: Force deleting pods does not wait for confirmation that the pod\'s processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n' +
      ' Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n' +
      ' After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don\'t want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.',
  example: `
    # Delete a pod using the type and name specified in pod.json
    kubectl delete -f ./pod.json

    # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
    kubectl delete -k dir

    # Delete resources from all files that end with '.json'
    kubectl delete -f '*.json'

    # Delete a pod based on the type and name in the JSON passed into stdin
    cat pod.json | kubectl delete -f -

    # Delete pods and services with same names "baz" and "foo"
    kubectl delete pod,service baz foo

    # Delete pods and services with label name=myLabel
    kubectl delete pods,services -l name=myLabel

    # Delete a pod with minimal delay
    kubectl delete pod foo --now

    # Force delete a pod on a dead node
    kubectl delete pod foo --force

    # Delete all pods
    kubectl delete pods --all

    # Delete all pods only if the user confirms the deletion
    kubectl delete pods --all --interactive`,
  use: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: {
    all: val('false', 'Delete all resources, in the namespace of the specified resource types.'),
    'all-namespaces': val('false', ALL_NAMESPACES, 'A'),
    cascade: str('background', 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.'),
    'dry-run': str('none', DRY_RUN),
    'field-selector': str('', FIELD_SELECTOR),
    filename: val('[]', 'containing the resource to delete.', 'f'),
    force: val('false', FORCE),
    'grace-period': val('-1', GRACE_PERIOD),
    'ignore-not-found': val('false', 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.'),
    interactive: val('false', 'If true, delete resource only when user confirms.', 'i'),
    kustomize: str('', 'Process a kustomization directory. This flag can\'t be used together with -f or -R.', 'k'),
    now: val('false', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).'),
    output: str('', 'Output mode. Use "-o name" for shorter output (resource/name).', 'o'),
    raw: str('', 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.'),
    recursive: val('false', RECURSIVE, 'R'),
    selector: str('', SELECTOR, 'l'),
    timeout: val('0s', TIMEOUT),
    wait: val('true', WAIT),
  },
};

// kubectl pkg/cmd/clusterinfo/clusterinfo.go (longDescr, clusterinfoExample, NewCmdClusterInfo)
const CLUSTER_INFO: CommandDoc = {
  short: 'Display cluster information',
  long: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use \'kubectl cluster-info dump\'.',
  example: `
    # Print the address of the control plane and cluster services
    kubectl cluster-info`,
  use: 'kubectl cluster-info [flags] [options]',
  flags: {},
};

// kubectl pkg/cmd/top/top_pod.go (topPodLong, topPodExample, NewCmdTopPod)
const TOP_POD: CommandDoc = {
  short: 'Display resource (CPU/memory) usage of pods',
  long: 'Display resource (CPU/memory) usage of pods.\n\n' +
      ' The \'top pod\' command allows you to see the resource consumption of pods.\n\n' +
      ' Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.',
  example: `
    # Show metrics for all pods in the default namespace
    kubectl top pod

    # Show metrics for all pods in the given namespace
    kubectl top pod --namespace=NAMESPACE

    # Show metrics for a given pod and its containers
    kubectl top pod POD_NAME --containers

    # Show metrics for the pods defined by label name=myLabel
    kubectl top pod -l name=myLabel`,
  aliases: ['pods', 'po'],
  use: 'kubectl top pod [NAME | -l label] [options]',
  flags: {
    'all-namespaces': val('false', ALL_NAMESPACES, 'A'),
    containers: val('false', 'If present, print usage of containers within a pod.'),
    'field-selector': str('', FIELD_SELECTOR),
    'no-headers': val('false', 'If present, print output without headers.'),
    selector: str('', SELECTOR, 'l'),
    'show-swap': val('false', 'Print pod resources related to swap memory.'), // v1.34 (kubernetes #129458)
    'sort-by': str('', 'If non-empty, sort pods list using specified field. The field can be either \'cpu\' or \'memory\'.'),
    sum: val('false', 'Print the sum of the resource usage'),
    'use-protocol-buffers': val('true', USE_PROTOCOL_BUFFERS),
  },
};

// kubectl pkg/cmd/top/top_node.go (topNodeLong, topNodeExample, NewCmdTopNode)
const TOP_NODE: CommandDoc = {
  short: 'Display resource (CPU/memory) usage of nodes',
  long: 'Display resource (CPU/memory) usage of nodes.\n\n' +
      ' The top-node command allows you to see the resource consumption of nodes.',
  example: `
    # Show metrics for all nodes
    kubectl top node

    # Show metrics for a given node
    kubectl top node NODE_NAME`,
  aliases: ['nodes', 'no'],
  use: 'kubectl top node [NAME | -l label] [options]',
  flags: {
    'no-headers': val('false', 'If present, print output without headers'),
    selector: str('', SELECTOR, 'l'),
    'show-capacity': val('false', 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.'),
    'sort-by': str('', 'If non-empty, sort nodes list using specified field. The field can be either \'cpu\' or \'memory\'.'),
    'use-protocol-buffers': val('true', USE_PROTOCOL_BUFFERS),
  },
};

// kubectl pkg/cmd/top/top.go (topLong, NewCmdTop)
const TOP_COMMAND: CommandDoc = {
  short: 'Display resource (CPU/memory) usage',
  long: 'Display resource (CPU/memory) usage.\n\n' +
      ' The top command allows you to see the resource consumption for nodes or pods.\n\n' +
      ' This command requires Metrics Server to be correctly configured and working on the server.',
  use: 'kubectl top [flags] [options]',
  flags: {},
};

// kubectl pkg/cmd/describe/describe.go (describeLong, describeExample, NewCmdDescribe)
const DESCRIBE: CommandDoc = {
  short: 'Show details of a specific resource or group of resources',
  long: 'Show details of a specific resource or group of resources.\n\n' +
      ' Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n' +
      '        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\n' +
      'Use "kubectl api-resources" for a complete list of supported resources.',
  example: `
    # Describe a node
    kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

    # Describe a pod
    kubectl describe pods/nginx

    # Describe a pod identified by type and name in "pod.json"
    kubectl describe -f pod.json

    # Describe all pods
    kubectl describe pods

    # Describe pods by label name=myLabel
    kubectl describe pods -l name=myLabel

    # Describe all pods managed by the 'frontend' replication controller
    # (rc-created pods get the name of the rc as a prefix in the pod name)
    kubectl describe pods frontend`,
  use: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: {
    'all-namespaces': val('false', ALL_NAMESPACES, 'A'),
    'chunk-size': val('500', CHUNK_SIZE),
    filename: val('[]', 'Filename, directory, or URL to files containing the resource to describe', 'f'),
    kustomize: str('', 'Process the kustomization directory. This flag can\'t be used together with -f or -R.', 'k'),
    recursive: val('false', RECURSIVE, 'R'),
    selector: str('', SELECTOR, 'l'),
    'show-events': val('true', 'If true, display events related to the described object.'),
  },
};

// kubectl pkg/cmd/logs/logs.go (logsLong, logsExample, NewCmdLogs, AddFlags)
const LOGS: CommandDoc = {
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  example: `
    # Return snapshot logs from pod nginx with only one container
    kubectl logs nginx

    # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
    kubectl logs nginx --prefix

    # Return snapshot logs from pod nginx, limiting output to 500 bytes
    kubectl logs nginx --limit-bytes=500

    # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
    kubectl logs nginx --pod-running-timeout=20s

    # Return snapshot logs from pod nginx with multi containers
    kubectl logs nginx --all-containers=true

    # Return snapshot logs from all pods in the deployment nginx
    kubectl logs deployment/nginx --all-pods=true

    # Return snapshot logs from all containers in pods defined by label app=nginx
    kubectl logs -l app=nginx --all-containers=true

    # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
    kubectl logs -l app=nginx --max-log-requests=10

    # Return snapshot of previous terminated ruby container logs from pod web-1
    kubectl logs -p -c ruby web-1

    # Begin streaming the logs from pod nginx, continuing even if errors occur
    kubectl logs nginx -f --ignore-errors=true

    # Begin streaming the logs of the ruby container in pod web-1
    kubectl logs -f -c ruby web-1

    # Begin streaming the logs from all containers in pods defined by label app=nginx
    kubectl logs -f -l app=nginx --all-containers=true

    # Display only the most recent 20 lines of output in pod nginx
    kubectl logs --tail=20 nginx

    # Show all logs from pod nginx written in the last hour
    kubectl logs --since=1h nginx

    # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
    kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true

    # Show logs from a kubelet with an expired serving certificate
    kubectl logs --insecure-skip-tls-verify-backend nginx

    # Return snapshot logs from first container of a job named hello
    kubectl logs job/hello

    # Return snapshot logs from container nginx-1 of a deployment named nginx
    kubectl logs deployment/nginx -c nginx-1`,
  use: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: {
    'all-containers': val('false', 'Get all containers\' logs in the pod(s).'),
    'all-pods': val('false', 'Get logs from all pod(s). Sets prefix to true.'),
    container: str('', 'Print the logs of this container', 'c'),
    follow: val('false', 'Specify if the logs should be streamed.', 'f'),
    'ignore-errors': val('false', 'If watching / following pod logs, allow for any errors that occur to be non-fatal'),
    'insecure-skip-tls-verify-backend': val('false', 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.'),
    'limit-bytes': val('0', 'Maximum bytes of logs to return. Defaults to no limit.'),
    'max-log-requests': val('5', 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.'),
    'pod-running-timeout': val('20s', POD_RUNNING_TIMEOUT),
    prefix: val('false', 'Prefix each log line with the log source (pod name and container name)'),
    previous: val('false', 'If true, print the logs for the previous instance of the container in a pod if it exists.', 'p'),
    selector: str('', SELECTOR, 'l'),
    since: val('0s', 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.'),
    'since-time': str('', 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.'),
    tail: val('-1', 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.'),
    timestamps: val('false', 'Include timestamps on each line in the log output'),
  },
};

// kubectl pkg/cmd/exec/exec.go (execExample, NewCmdExec)
const EXEC: CommandDoc = {
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  example: `
    # Get output from running the 'date' command from pod mypod, using the first container by default
    kubectl exec mypod -- date

    # Get output from running the 'date' command in ruby-container from pod mypod
    kubectl exec mypod -c ruby-container -- date

    # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
    # and sends stdout/stderr from 'bash' back to the client
    kubectl exec mypod -c ruby-container -i -t -- bash -il

    # List contents of /usr from the first container of pod mypod and sort by modification time
    # If the command you want to execute in the pod has any flags in common (e.g. -i),
    # you must use two dashes (--) to separate your command's flags/arguments
    # Also note, do not surround your command and its flags/arguments with quotes
    # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
    kubectl exec mypod -i -t -- ls -t /usr

    # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
    kubectl exec deploy/mydeployment -- date

    # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
    kubectl exec svc/myservice -- date`,
  use: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: {
    container: str('', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen', 'c'),
    filename: val('[]', 'to use to exec into the resource', 'f'),
    'pod-running-timeout': val('1m0s', POD_RUNNING_TIMEOUT),
    quiet: val('false', 'Only print output from the remote session', 'q'),
    stdin: val('false', 'Pass stdin to the container', 'i'),
    tty: val('false', 'Stdin is a TTY', 't'),
  },
};

// kubectl pkg/cmd/apply/apply.go (applyLong, applyExample, NewCmdApply, ApplyFlags.AddFlags)
const APPLY: CommandDoc = {
  short: 'Apply a configuration to a resource by file name or stdin',
  long: 'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet. To use \'apply\', always create the resource initially with either \'apply\' or \'create --save-config\'.\n\n' +
      ' JSON and YAML formats are accepted.\n\n' +
      ' Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.',
  example: `
    # Apply the configuration in pod.json to a pod
    kubectl apply -f ./pod.json

    # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
    kubectl apply -k dir/

    # Apply the JSON passed into stdin to a pod
    cat pod.json | kubectl apply -f -

    # Apply the configuration from all files that end with '.json'
    kubectl apply -f '*.json'

    # Note: --prune is still in Alpha
    # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
    kubectl apply --prune -f manifest.yaml -l app=nginx

    # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
    kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  use: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: {
    all: val('false', 'Select all resources in the namespace of the specified resource types.'),
    'dry-run': str('none', DRY_RUN),
    filename: val('[]', 'The files that contain the configurations to apply.', 'f'),
    force: val('false', FORCE),
    'grace-period': val('-1', GRACE_PERIOD),
    output: str('', OUTPUT, 'o'),
    prune: val('false', 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.'),
    selector: str('', SELECTOR, 'l'),
    'server-side': val('false', 'If true, apply runs in the server instead of the client.'),
    timeout: val('0s', TIMEOUT),
    validate: str('strict', VALIDATE),
    wait: val('false', WAIT),
  },
};

// kubectl pkg/cmd/label/label.go (labelLong, labelExample, NewCmdLabel)
const LABEL: CommandDoc = {
  short: 'Update the labels on a resource',
  long: 'Update the labels on a resource.\n\n' +
      '  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single \'/\', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.',
  example: `
    # Update pod 'foo' with the label 'unhealthy' and the value 'true'
    kubectl label pods foo unhealthy=true

    # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
    kubectl label --overwrite pods foo status=unhealthy

    # Update all pods in the namespace
    kubectl label pods --all status=unhealthy

    # Update a pod identified by the type and name in "pod.json"
    kubectl label -f pod.json status=unhealthy

    # Update pod 'foo' only if the resource is unchanged from version 1
    kubectl label pods foo status=unhealthy --resource-version=1

    # Update pod 'foo' by removing a label named 'bar' if it exists
    # Does not require the --overwrite flag
    kubectl label pods foo bar-`,
  use: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: {
    all: val('false', 'Select all resources, in the namespace of the specified resource types'),
    'all-namespaces': val('false', ALL_NAMESPACES_CHECK, 'A'),
    'dry-run': str('none', DRY_RUN),
    'field-selector': str('', FIELD_SELECTOR),
    filename: val('[]', 'Filename, directory, or URL to files identifying the resource to update the labels', 'f'),
    list: val('false', 'If true, display the labels for a given resource.'),
    local: val('false', 'If true, label will NOT contact api-server but run locally.'),
    output: str('', OUTPUT, 'o'),
    overwrite: val('false', 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.'),
    'resource-version': str('', 'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.'),
    selector: str('', SELECTOR, 'l'),
  },
};

// kubectl pkg/cmd/annotate/annotate.go (annotateLong, annotateExample, NewCmdAnnotate)
const ANNOTATE: CommandDoc = {
  short: 'Update the annotations on a resource',
  long: 'Update the annotations on one or more resources.\n\n' +
      ' All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n' +
      ' Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\n' +
      'Use "kubectl api-resources" for a complete list of supported resources.',
  example: `
    # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
    # If the same annotation is set multiple times, only the last value will be applied
    kubectl annotate pods foo description='my frontend'

    # Update a pod identified by type and name in "pod.json"
    kubectl annotate -f pod.json description='my frontend'

    # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
    kubectl annotate --overwrite pods foo description='my frontend running nginx'

    # Update all pods in the namespace
    kubectl annotate pods --all description='my frontend running nginx'

    # Update pod 'foo' only if the resource is unchanged from version 1
    kubectl annotate pods foo description='my frontend running nginx' --resource-version=1

    # Update pod 'foo' by removing an annotation named 'description' if it exists
    # Does not require the --overwrite flag
    kubectl annotate pods foo description-`,
  use: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: {
    all: val('false', 'Select all resources, in the namespace of the specified resource types.'),
    'all-namespaces': val('false', ALL_NAMESPACES_CHECK, 'A'),
    'dry-run': str('none', DRY_RUN),
    'field-selector': str('', FIELD_SELECTOR),
    filename: val('[]', 'Filename, directory, or URL to files identifying the resource to update the annotation', 'f'),
    list: val('false', 'If true, display the annotations for a given resource.'),
    local: val('false', 'If true, annotation will NOT contact api-server but run locally.'),
    output: str('', OUTPUT, 'o'),
    overwrite: val('false', 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.'),
    'resource-version': str('', 'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.'),
    selector: str('', SELECTOR, 'l'),
  },
};

// kubectl pkg/cmd/apiresources/apiresources.go (apiresourcesExample, NewCmdAPIResources), print_flags.go
const API_RESOURCES: CommandDoc = {
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  example: `
    # Print the supported API resources
    kubectl api-resources

    # Print the supported API resources with more information
    kubectl api-resources -o wide

    # Print the supported API resources sorted by a column
    kubectl api-resources --sort-by=name

    # Print the supported namespaced resources
    kubectl api-resources --namespaced=true

    # Print the supported non-namespaced resources
    kubectl api-resources --namespaced=false

    # Print the supported API resources with a specific APIGroup
    kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  use: 'kubectl api-resources [flags] [options]',
  flags: {
    'api-group': str('', 'Limit to resources in the specified API group.'),
    cached: val('false', 'Use the cached list of resources if available.'),
    categories: val('[]', 'Limit to resources that belong to the specified categories.'),
    namespaced: val('true', 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.'),
    'no-headers': val('false', NO_HEADERS),
    // v1.34 (kubernetes #132604): apiresources/print_flags.go PrintFlags, AllowedFormats json, yaml, name, wide.
    output: str('', 'Output format. One of: (json, yaml, name, wide).', 'o'),
    'show-managed-fields': val('false', 'If true, keep the managedFields when printing objects in JSON or YAML format.'), // v1.34, JSONYamlPrintFlags
    'sort-by': str('', 'If non-empty, sort list of resources using specified field. The field can be either \'name\' or \'kind\'.'),
    verbs: val('[]', 'Limit to resources that support the specified verbs.'),
  },
};

// kubectl pkg/cmd/version/version.go (versionLong, versionExample, NewCmdVersion)
const VERSION: CommandDoc = {
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: `
    # Print the client and server versions for the current context
    kubectl version`,
  use: 'kubectl version [flags] [options]',
  flags: {
    client: val('false', 'If true, shows client version only (no server required).'),
    output: str('', 'One of \'yaml\' or \'json\'.', 'o'),
  },
};

// kubectl pkg/cmd/events/events.go (eventsLong, eventsExample, NewCmdEvents)
const EVENTS: CommandDoc = {
  short: 'List events',
  long: 'Display events.\n\n' +
      ' Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  example: `
    # List recent events in the default namespace
    kubectl events

    # List recent events in all namespaces
    kubectl events --all-namespaces

    # List recent events for the specified pod, then wait for more events and list them as they arrive
    kubectl events --for pod/web-pod-13je7 --watch

    # List recent events in YAML format
    kubectl events -oyaml

    # List recent only events of type 'Warning' or 'Normal'
    kubectl events --types=Warning,Normal`,
  use: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: {
    'all-namespaces': val('false', ALL_NAMESPACES, 'A'),
    'allow-missing-template-keys': val('true', 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.'),
    'chunk-size': val('500', CHUNK_SIZE),
    for: str('', 'Filter events to only those pertaining to the specified resource.'),
    'no-headers': val('false', 'When using the default output format, don\'t print headers.'),
    output: str('', OUTPUT, 'o'),
    'show-managed-fields': val('false', 'If true, keep the managedFields when printing objects in JSON or YAML format.'),
    template: str('', 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].'),
    types: val('[]', 'Output only events of given types.'),
    watch: val('false', 'After listing the requested events, watch for more events.', 'w'),
  },
};

// kubectl pkg/cmd/explain/explain.go (explainLong, explainExamples, NewCmdExplain)
const EXPLAIN: CommandDoc = {
  short: 'Get documentation for a resource',
  long: 'Describe fields and structure of various resources.\n\n' +
      ' This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n' +
      '        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\n' +
      'Use "kubectl api-resources" for a complete list of supported resources.',
  example: `
    # Get the documentation of the resource and its fields
    kubectl explain pods

    # Get all the fields in the resource
    kubectl explain pods --recursive

    # Get the explanation for deployment in supported api versions
    kubectl explain deployments --api-version=apps/v1

    # Get the documentation of a specific field of a resource
    kubectl explain pods.spec.containers

    # Get the documentation of resources in different format
    kubectl explain deployment --output=plaintext-openapiv2`,
  use: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: {
    'api-version': str('', 'Use given api-version (group/version) of the resource.'),
    // The -o shorthand, lost in v1.33, is back in v1.34 (kubernetes #131962).
    output: str('plaintext', 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).', 'o'),
    recursive: val('false', 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.'),
  },
};

/** Upstream's texts for each command of the registry, by registry name. */
const DOCS: Record<string, CommandDoc> = {
  annotate: ANNOTATE,
  'api-resources': API_RESOURCES,
  apply: APPLY,
  'cluster-info': CLUSTER_INFO,
  create: CREATE,
  delete: DELETE,
  describe: DESCRIBE,
  events: EVENTS,
  exec: EXEC,
  explain: EXPLAIN,
  get: GET,
  label: LABEL,
  logs: LOGS,
  run: RUN,
  top: { ...TOP_COMMAND, subcommands: { node: TOP_NODE, pod: TOP_POD } },
  version: VERSION,
};

/** The flags every command inherits (root persistent flags), for `kubectl options`: cli-runtime genericclioptions/config_flags.go. */
const GLOBAL_FLAGS: Record<string, FlagDoc> = {
  namespace: str('', 'If present, the namespace scope for this CLI request', 'n'),
};

/**
 * `kubectl --help`'s command groups: kubectl pkg/cmd/cmd.go NewKubectlCommand (templates.CommandGroups, then the
 * plugin group from pkg/cmd/plugin GetPluginCommandGroup; commands in no group go under "Other Commands:").
 */
const COMMAND_GROUPS: Array<[string, string[]]> = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands:', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands:', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
];

/** The root Long: kubectl pkg/cmd/cmd.go NewKubectlCommand. */
const ROOT_LONG = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/';

/**
 * cobra's NamePadding for the root's commands: the longest name among all of kubectl's commands (`api-resources`);
 * it does not shrink with the subset listed here. Subcommands get cobra's minNamePadding, 11, unless longer.
 */
const ROOT_NAME_PADDING = 13;
const minNamePadding = 11;

/** `kubectl help --help`: cobra's default help command (command.go InitDefaultHelpCmd). */
const HELP_COMMAND_HELP = 'Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.\n\nUsage:\n  kubectl help [command] [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';

// ---------------------------------------------------------------------------------------------------------------
// Rendering

/** templates.Examples: trim, then every line trimmed and indented by two spaces (normalizers.go). */
function examples(s: string): string {
  return s.trim().split('\n').map((line) => `  ${line.trim()}`).join('\n');
}

/** help_flags_printer.go PrintHelpFlag with templater.go getFlagFormat: the flag line, then its usage on tab-indented lines. */
function printHelpFlag(name: string, f: FlagDoc, wrapLimit: number): string {
  const def = f.string ? `'${f.defValue}'` : f.defValue;
  const formatted = `    ${f.shorthand ? `-${f.shorthand}, ` : ''}--${name}=${def}:\n${f.usage}`;
  const [flagStr, ...usageLines] = formatted.split('\n');
  // wrapLimit - offset (10) in uint: with no terminal (0) it wraps around, so nothing is wrapped.
  const wrapped = `${flagStr}\n${wrapString(usageLines.join(' '), wrapLimit > 0 ? wrapLimit - 10 : Infinity)}`;
  return `${wrapped.replaceAll('\n', '\n\t')}\n\n`;
}

/** templater.go flagsUsages: every flag in pflag's lexicographical order (SortFlags). */
function flagsUsages(flags: Array<[string, FlagDoc]>, wrapLimit: number): string {
  return [...flags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, f]) => printHelpFlag(n, f, wrapLimit)).join('');
}

/** A registry flag upstream does not document (never the case for the registry; the tests check): shown as pflag would. */
function flagDocFromSpec(s: FlagSpec): FlagDoc {
  const defValue = s.type === 'stringArray' ? '[]' : s.default !== undefined ? String(s.default) : s.type === 'bool' ? 'false' : s.type === 'int' ? '0' : '';
  return { shorthand: s.shorthand, string: s.type === 'string', defValue, usage: s.usage };
}

/** Whether `doc` or one of its subcommands documents the flag. */
const documents = (doc: CommandDoc, name: string): boolean =>
  name in doc.flags || Object.values(doc.subcommands ?? {}).some((sub) => documents(sub, name));

/** The upstream text for a flag of a registry command (or of one of its subcommands); undefined if there is none. */
export function upstreamFlagDoc(commandName: string, flagName: string): FlagDoc | undefined {
  const find = (doc: CommandDoc | undefined): FlagDoc | undefined =>
    doc && (doc.flags[flagName] ?? Object.values(doc.subcommands ?? {}).map(find).find(Boolean));
  return find(DOCS[commandName]);
}

/** Whether upstream texts exist for this registry command. */
export const hasUpstreamDoc = (commandName: string): boolean => commandName in DOCS;

/** The doc for a registry command without upstream texts (the tests keep this from happening). */
function docFromCommand(c: KubectlCommand): CommandDoc {
  return { short: c.short, long: c.short, use: c.usage, flags: {} };
}

/**
 * templates.go MainUsageTemplate for a command at `path`: aliases, examples, available subcommands, options, usage
 * and the two tips. `flags` are the ones to list (already restricted to what the terminal implements).
 */
function usageString(path: string[], doc: CommandDoc, flags: Array<[string, FlagDoc]>, wrapLimit: number): string {
  let s = '\n\n';
  if (doc.aliases?.length) s += `Aliases:\n${[path[path.length - 1], ...doc.aliases].join(', ')}\n\n`;
  if (doc.example) s += `Examples:\n${examples(doc.example).trimEnd()}\n\n`;
  const subs = Object.keys(doc.subcommands ?? {}).sort();
  if (subs.length) {
    const pad = Math.max(minNamePadding, ...subs.map((n) => n.length));
    s += `Available Commands:\n${subs.map((n) => `  ${n.padEnd(pad)}   ${doc.subcommands![n].short}`).join('\n')}\n\n`;
  }
  if (flags.length) s += `Options:\n${flagsUsages(flags, wrapLimit).trimEnd()}\n\n`;
  s += `Usage:\n  ${doc.use}\n\n`;
  if (subs.length) s += `Use "${path.join(' ')} <command> --help" for more information about a given command.\n`;
  s += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}

/**
 * `kubectl CMD [ARGS] --help`: the help cobra prints for the command `args` lead to (a subcommand such as `top pod`
 * by name or alias; otherwise the command itself), through MainHelpTemplate: Long, then the usage sections. Options
 * lists the registry's flags of that command with upstream's texts. `wrapLimit` 0 is kubectl off a terminal. Pure.
 */
export function commandHelp(c: KubectlCommand, args: string[] = [], wrapLimit = 0): string {
  if (c.name === 'options') return ''; // options.go: UseOptionsTemplates, whose help template is empty
  const root = DOCS[c.name] ?? docFromCommand(c);
  let doc = root;
  const path = ['kubectl', c.name];
  const sub = args[0] && Object.entries(root.subcommands ?? {}).find(([n, d]) => n === args[0] || d.aliases?.includes(args[0]));
  if (sub) { doc = sub[1]; path.push(sub[0]); }
  const flags: Array<[string, FlagDoc]> = c.flags
    .filter((f) => f.name !== 'help' && (f.name in doc.flags || !documents(root, f.name)))
    .map((f) => [f.name, doc.flags[f.name] ?? flagDocFromSpec(f)]);
  return renderHelp(path, doc, flags, wrapLimit);
}

/**
 * templater.go HelpFunc with MainHelpTemplate for the command at `path` (`['kubectl', 'top', 'pod']`): its Long,
 * trimmed, then the usage sections listing `flags`. Each of the two is one write through term.NewResponsiveWriter,
 * so each is word-wrapped at `wrapLimit` on its own (0: no wrapping). Pure.
 */
export function renderHelp(path: string[], doc: CommandDoc, flags: Array<[string, FlagDoc]>, wrapLimit = 0): string {
  return responsive(doc.long.trim(), wrapLimit) + responsive(usageString(path, doc, flags, wrapLimit), wrapLimit);
}

/** The root's usage (cmd.go's command groups, then usage and tips), as `kubectl help TOPIC` prints it for an unknown topic. */
function rootUsage(commands: KubectlCommand[]): string {
  const shown = commands.filter((c) => c.name !== 'options'); // templater.go: the root filters `options` out
  const line = (c: KubectlCommand) => `  ${c.name.padEnd(ROOT_NAME_PADDING)}   ${DOCS[c.name]?.short ?? c.short}`;
  const grouped = new Set(COMMAND_GROUPS.flatMap(([, names]) => names));
  const groups = COMMAND_GROUPS
    .map(([title, names]) => [title, names.map((n) => shown.find((c) => c.name === n)).filter((c): c is KubectlCommand => !!c)] as const)
    .filter(([, cmds]) => cmds.length > 0)
    .map(([title, cmds]) => [title, ...cmds.map(line)].join('\n'));
  // The plugin group is always there; no plugins are installed here, so it has only its title.
  groups.push('Subcommands provided by plugins:');
  const other = shown.filter((c) => !grouped.has(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (other.length) groups.push(['Other Commands:', ...other.map(line)].join('\n'));
  return `\n\n${groups.join('\n\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

/** `kubectl --help` (and plain `kubectl`): the root Long and usage, listing the terminal's commands in kubectl's groups. Pure. */
export function rootHelp(commands: KubectlCommand[], wrapLimit = 0): string {
  return responsive(ROOT_LONG, wrapLimit) + responsive(rootUsage(commands), wrapLimit);
}

/**
 * `kubectl help [COMMAND...]`: cobra's default help command. Its flags are parsed like any command's; a topic is
 * found as cobra's Find would (`kubectl help top pod`, `kubectl help get pods`); an unknown topic prints
 * "Unknown help topic" and the root usage on stderr, and still exits 0 (command.go InitDefaultHelpCmd). Pure.
 */
export function helpCommand(argv: string[], commands: KubectlCommand[], globalFlags: FlagSpec[], wrapLimit = 0): ProgramResult {
  let parsed;
  try {
    parsed = parseFlags(argv, globalFlags);
  } catch (e) {
    if (e instanceof FlagError) return { stdout: '', stderr: `Error: ${e.message}\nSee 'kubectl help --help' for usage.\n`, exitCode: 1 };
    throw e;
  }
  if (parsed.flags.help) return { stdout: HELP_COMMAND_HELP, stderr: '', exitCode: 0 };
  const [topic, ...rest] = parsed.args;
  if (topic === undefined) return { stdout: rootHelp(commands, wrapLimit), stderr: '', exitCode: 0 };
  const cmd = commands.find((c) => c.name === topic || c.aliases?.includes(topic));
  if (!cmd) {
    // c.Printf("Unknown help topic %#q\n", args): a []string with %#q is [`a` `b`].
    const quoted = parsed.args.map((a) => (canBackquote(a) ? `\`${a}\`` : goQuote(a))).join(' ');
    return { stdout: '', stderr: `Unknown help topic [${quoted}]\n${responsive(rootUsage(commands), wrapLimit)}`, exitCode: 0 };
  }
  return { stdout: commandHelp(cmd, rest, wrapLimit), stderr: '', exitCode: 0 };
}

/** Go's strconv.CanBackquote: no backquote, no control character other than tab, no U+FEFF. */
const canBackquote = (s: string) => !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(s);

/**
 * `kubectl options` (pkg/cmd/options/options.go): the flags every command inherits, through
 * templates.OptionsUsageTemplate; its own help template is empty. `inherited` gives the terminal's global flags (read
 * when the command runs).
 */
export function createOptionsCommand(inherited: () => FlagSpec[]): KubectlCommand {
  return {
    name: 'options',
    short: 'Print the list of flags inherited by all commands',
    usage: 'kubectl options [flags] [options]',
    flags: [],
    run(o: RunOptions) {
      const wrapLimit = helpWrapLimit(o.ctx);
      const flags = inherited().filter((f) => f.name !== 'help').map((f): [string, FlagDoc] => [f.name, GLOBAL_FLAGS[f.name] ?? flagDocFromSpec(f)]);
      const stdout = responsive('The following options can be passed to any command:\n\n', wrapLimit) + responsive(flagsUsages(flags, wrapLimit), wrapLimit);
      return { stdout, stderr: '', exitCode: 0 };
    },
  };
}
