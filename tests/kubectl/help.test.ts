/**
 * `kubectl … --help` as kubectl v1.34 prints it, Options restricted to the flags this terminal implements.
 *
 * The expected texts are not produced by the code under test: each is a real kubectl v1.32.4 client's `--help`
 * output (client-side, no server needed), with the option blocks this terminal does not implement removed and the
 * one v1.33 wording change that reaches them applied (`-l, --selector`, kubernetes PR #129106). The wrapped ones
 * were captured on a pseudo-terminal (`script`, `stty cols 120` / `80`).
 */
import { commandHelp, helpCommand, rootHelp, terminalLimitWidth, upstreamFlagDoc, hasUpstreamDoc, wrapString } from '@/lib/kubectl/help';
import type { KubectlCommand } from '@/lib/kubectl/command';
import { globalFlags, kubectlCommands } from '@/lib/kubectl/kubectl';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { createCluster } from '@/lib/sim/cluster';
import { createVirtualFs } from '@/lib/shell/vfs';
import { runProgram } from '../support/program';

const registry = (name: string) => kubectlCommands.find((c) => c.name === name)!;

/** The registry command with exactly these flags, so the goldens do not move when flags are added to the registry. */
const withFlags = (name: string, flags: string[]): KubectlCommand => ({ ...registry(name), flags: flags.map((n) => ({ name: n, type: 'bool', usage: '' })) });

function kubectl(isTTY = false) {
  const cluster = createCluster({ seed: 1 });
  const program = createKubectl(cluster);
  const fs = createVirtualFs();
  return (...argv: string[]) => runProgram(program, cluster, { argv, stdin: '', fs, isTTY });
}

// kubectl get --help
const getHelp = [
  'Display one or many resources.',
  '',
  " Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.",
  '',
  " By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.",
  '',
  'Use "kubectl api-resources" for a complete list of supported resources.',
  '',
  'Examples:',
  '  # List all pods in ps output format',
  '  kubectl get pods',
  '  ',
  '  # List all pods in ps output format with more information (such as node name)',
  '  kubectl get pods -o wide',
  '  ',
  '  # List a single replication controller with specified NAME in ps output format',
  '  kubectl get replicationcontroller web',
  '  ',
  '  # List deployments in JSON output format, in the "v1" version of the "apps" API group',
  '  kubectl get deployments.v1.apps -o json',
  '  ',
  '  # List a single pod in JSON output format',
  '  kubectl get -o json pod web-pod-13je7',
  '  ',
  '  # List a pod identified by type and name specified in "pod.yaml" in JSON output format',
  '  kubectl get -f pod.yaml -o json',
  '  ',
  '  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml',
  '  kubectl get -k dir/',
  '  ',
  '  # Return only the phase value of the specified pod',
  '  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}',
  '  ',
  '  # List resource information in custom columns',
  '  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image',
  '  ',
  '  # List all replication controllers and services together in ps output format',
  '  kubectl get rc,services',
  '  ',
  '  # List one or more resources by their type and names',
  '  kubectl get rc/web service/frontend pods/web-pod-13je7',
  '  ',
  "  # List the 'status' subresource for a single pod",
  '  kubectl get pod web-pod-13je7 --subresource status',
  '  ',
  "  # List all deployments in namespace 'backend'",
  '  kubectl get deployments.apps --namespace backend',
  '  ',
  '  # List all pods existing in all namespaces',
  '  kubectl get pods --all-namespaces',
  '',
  'Options:',
  '    -A, --all-namespaces=false:',
  '\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  '',
  '    -f, --filename=[]:',
  '\tFilename, directory, or URL to files identifying the resource to get from a server.',
  '',
  '    --no-headers=false:',
  "\tWhen using the default or custom-column output format, don't print headers (default print headers).",
  '',
  "    -o, --output='':",
  '\tOutput format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
  '',
  '    --output-watch-events=false:',
  '\tOutput watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
  '',
  "    -l, --selector='':",
  "\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  '',
  '    --show-labels=false:',
  '\tWhen printing, show all labels as the last column (default hide labels column)',
  '',
  "    --sort-by='':",
  "\tIf non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
  '',
  '    -w, --watch=false:',
  '\tAfter listing/getting the requested object, watch for changes.',
  '',
  '    --watch-only=false:',
  '\tWatch for changes to the requested object(s), without listing/getting first.',
  '',
  'Usage:',
  '  kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl logs --help
const logsHelp = [
  'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  '',
  'Examples:',
  '  # Return snapshot logs from pod nginx with only one container',
  '  kubectl logs nginx',
  '  ',
  '  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name',
  '  kubectl logs nginx --prefix',
  '  ',
  '  # Return snapshot logs from pod nginx, limiting output to 500 bytes',
  '  kubectl logs nginx --limit-bytes=500',
  '  ',
  '  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.',
  '  kubectl logs nginx --pod-running-timeout=20s',
  '  ',
  '  # Return snapshot logs from pod nginx with multi containers',
  '  kubectl logs nginx --all-containers=true',
  '  ',
  '  # Return snapshot logs from all pods in the deployment nginx',
  '  kubectl logs deployment/nginx --all-pods=true',
  '  ',
  '  # Return snapshot logs from all containers in pods defined by label app=nginx',
  '  kubectl logs -l app=nginx --all-containers=true',
  '  ',
  '  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods',
  '  kubectl logs -l app=nginx --max-log-requests=10',
  '  ',
  '  # Return snapshot of previous terminated ruby container logs from pod web-1',
  '  kubectl logs -p -c ruby web-1',
  '  ',
  '  # Begin streaming the logs from pod nginx, continuing even if errors occur',
  '  kubectl logs nginx -f --ignore-errors=true',
  '  ',
  '  # Begin streaming the logs of the ruby container in pod web-1',
  '  kubectl logs -f -c ruby web-1',
  '  ',
  '  # Begin streaming the logs from all containers in pods defined by label app=nginx',
  '  kubectl logs -f -l app=nginx --all-containers=true',
  '  ',
  '  # Display only the most recent 20 lines of output in pod nginx',
  '  kubectl logs --tail=20 nginx',
  '  ',
  '  # Show all logs from pod nginx written in the last hour',
  '  kubectl logs --since=1h nginx',
  '  ',
  '  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC',
  '  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true',
  '  ',
  '  # Show logs from a kubelet with an expired serving certificate',
  '  kubectl logs --insecure-skip-tls-verify-backend nginx',
  '  ',
  '  # Return snapshot logs from first container of a job named hello',
  '  kubectl logs job/hello',
  '  ',
  '  # Return snapshot logs from container nginx-1 of a deployment named nginx',
  '  kubectl logs deployment/nginx -c nginx-1',
  '',
  'Options:',
  "    -c, --container='':",
  '\tPrint the logs of this container',
  '',
  '    -f, --follow=false:',
  '\tSpecify if the logs should be streamed.',
  '',
  '    -p, --previous=false:',
  '\tIf true, print the logs for the previous instance of the container in a pod if it exists.',
  '',
  "    -l, --selector='':",
  "\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  '',
  '    --tail=-1:',
  '\tLines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
  '',
  '    --timestamps=false:',
  '\tInclude timestamps on each line in the log output',
  '',
  'Usage:',
  '  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl annotate --help
const annotateHelp = [
  'Update the annotations on one or more resources.',
  '',
  ' All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.',
  '',
  ' Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.',
  '',
  'Use "kubectl api-resources" for a complete list of supported resources.',
  '',
  'Examples:',
  "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'",
  '  # If the same annotation is set multiple times, only the last value will be applied',
  "  kubectl annotate pods foo description='my frontend'",
  '  ',
  '  # Update a pod identified by type and name in "pod.json"',
  "  kubectl annotate -f pod.json description='my frontend'",
  '  ',
  "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value",
  "  kubectl annotate --overwrite pods foo description='my frontend running nginx'",
  '  ',
  '  # Update all pods in the namespace',
  "  kubectl annotate pods --all description='my frontend running nginx'",
  '  ',
  "  # Update pod 'foo' only if the resource is unchanged from version 1",
  "  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1",
  '  ',
  "  # Update pod 'foo' by removing an annotation named 'description' if it exists",
  '  # Does not require the --overwrite flag',
  '  kubectl annotate pods foo description-',
  '',
  'Options:',
  '    --all=false:',
  '\tSelect all resources, in the namespace of the specified resource types.',
  '',
  '    -A, --all-namespaces=false:',
  '\tIf true, check the specified action in all namespaces.',
  '',
  '    -f, --filename=[]:',
  '\tFilename, directory, or URL to files identifying the resource to update the annotation',
  '',
  '    --list=false:',
  '\tIf true, display the annotations for a given resource.',
  '',
  '    --overwrite=false:',
  '\tIf true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.',
  '',
  "    --resource-version='':",
  '\tIf non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
  '',
  "    -l, --selector='':",
  "\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  '',
  'Usage:',
  '  kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl exec --help
const execHelp = [
  'Execute a command in a container.',
  '',
  'Examples:',
  "  # Get output from running the 'date' command from pod mypod, using the first container by default",
  '  kubectl exec mypod -- date',
  '  ',
  "  # Get output from running the 'date' command in ruby-container from pod mypod",
  '  kubectl exec mypod -c ruby-container -- date',
  '  ',
  "  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod",
  "  # and sends stdout/stderr from 'bash' back to the client",
  '  kubectl exec mypod -c ruby-container -i -t -- bash -il',
  '  ',
  '  # List contents of /usr from the first container of pod mypod and sort by modification time',
  '  # If the command you want to execute in the pod has any flags in common (e.g. -i),',
  "  # you must use two dashes (--) to separate your command's flags/arguments",
  '  # Also note, do not surround your command and its flags/arguments with quotes',
  '  # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")',
  '  kubectl exec mypod -i -t -- ls -t /usr',
  '  ',
  "  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default",
  '  kubectl exec deploy/mydeployment -- date',
  '  ',
  "  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default",
  '  kubectl exec svc/myservice -- date',
  '',
  'Options:',
  "    -c, --container='':",
  '\tContainer name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
  '',
  '    -f, --filename=[]:',
  '\tto use to exec into the resource',
  '',
  '    --pod-running-timeout=1m0s:',
  '\tThe length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  '',
  '    -q, --quiet=false:',
  '\tOnly print output from the remote session',
  '',
  '    -i, --stdin=false:',
  '\tPass stdin to the container',
  '',
  '    -t, --tty=false:',
  '\tStdin is a TTY',
  '',
  'Usage:',
  '  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl delete --help
const deleteHelp = [
  'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
  '',
  ' JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.',
  '',
  ' Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.',
  '',
  " IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.",
  '',
  ' Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.',
  '',
  ' After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don\'t want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.',
  '',
  'Examples:',
  '  # Delete a pod using the type and name specified in pod.json',
  '  kubectl delete -f ./pod.json',
  '  ',
  '  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml',
  '  kubectl delete -k dir',
  '  ',
  "  # Delete resources from all files that end with '.json'",
  "  kubectl delete -f '*.json'",
  '  ',
  '  # Delete a pod based on the type and name in the JSON passed into stdin',
  '  cat pod.json | kubectl delete -f -',
  '  ',
  '  # Delete pods and services with same names "baz" and "foo"',
  '  kubectl delete pod,service baz foo',
  '  ',
  '  # Delete pods and services with label name=myLabel',
  '  kubectl delete pods,services -l name=myLabel',
  '  ',
  '  # Delete a pod with minimal delay',
  '  kubectl delete pod foo --now',
  '  ',
  '  # Force delete a pod on a dead node',
  '  kubectl delete pod foo --force',
  '  ',
  '  # Delete all pods',
  '  kubectl delete pods --all',
  '  ',
  '  # Delete all pods only if the user confirms the deletion',
  '  kubectl delete pods --all --interactive',
  '',
  'Options:',
  '    --all=false:',
  '\tDelete all resources, in the namespace of the specified resource types.',
  '',
  '    -A, --all-namespaces=false:',
  '\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  '',
  '    -f, --filename=[]:',
  '\tcontaining the resource to delete.',
  '',
  '    --force=false:',
  '\tIf true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
  '',
  '    --grace-period=-1:',
  '\tPeriod of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
  '',
  '    --now=false:',
  '\tIf true, resources are signaled for immediate shutdown (same as --grace-period=1).',
  '',
  "    -l, --selector='':",
  "\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  '',
  '    --wait=true:',
  '\tIf true, wait for resources to be gone before returning. This waits for finalizers.',
  '',
  'Usage:',
  '  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl top pod --help
const topPodHelp = [
  'Display resource (CPU/memory) usage of pods.',
  '',
  " The 'top pod' command allows you to see the resource consumption of pods.",
  '',
  ' Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.',
  '',
  'Aliases:',
  'pod, pods, po',
  '',
  'Examples:',
  '  # Show metrics for all pods in the default namespace',
  '  kubectl top pod',
  '  ',
  '  # Show metrics for all pods in the given namespace',
  '  kubectl top pod --namespace=NAMESPACE',
  '  ',
  '  # Show metrics for a given pod and its containers',
  '  kubectl top pod POD_NAME --containers',
  '  ',
  '  # Show metrics for the pods defined by label name=myLabel',
  '  kubectl top pod -l name=myLabel',
  '',
  'Options:',
  '    -A, --all-namespaces=false:',
  '\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  '',
  '    --containers=false:',
  '\tIf present, print usage of containers within a pod.',
  '',
  '    --no-headers=false:',
  '\tIf present, print output without headers.',
  '',
  "    --sort-by='':",
  "\tIf non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.",
  '',
  'Usage:',
  '  kubectl top pod [NAME | -l label] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl top pod --help on a terminal 120 columns wide
const topPodHelp120 = [
  'Display resource (CPU/memory) usage of pods.',
  '',
  " The 'top pod' command allows you to see the resource consumption of pods.",
  '',
  ' Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.',
  '',
  'Aliases:',
  'pod, pods, po',
  '',
  'Examples:',
  '  # Show metrics for all pods in the default namespace',
  '  kubectl top pod',
  '  ',
  '  # Show metrics for all pods in the given namespace',
  '  kubectl top pod --namespace=NAMESPACE',
  '  ',
  '  # Show metrics for a given pod and its containers',
  '  kubectl top pod POD_NAME --containers',
  '  ',
  '  # Show metrics for the pods defined by label name=myLabel',
  '  kubectl top pod -l name=myLabel',
  '',
  'Options:',
  '    -A, --all-namespaces=false:',
  '\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even',
  '\tif specified with --namespace.',
  '',
  '    --containers=false:',
  '\tIf present, print usage of containers within a pod.',
  '',
  '    --no-headers=false:',
  '\tIf present, print output without headers.',
  '',
  "    --sort-by='':",
  "\tIf non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.",
  '',
  'Usage:',
  '  kubectl top pod [NAME | -l label] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl top pod --help on a terminal 80 columns wide
const topPodHelp80 = [
  'Display resource (CPU/memory) usage of pods.',
  '',
  " The 'top pod' command allows you to see the resource consumption of pods.",
  '',
  ' Due to the metrics pipeline delay, they may be unavailable for a few minutes',
  'since pod creation.',
  '',
  'Aliases:',
  'pod, pods, po',
  '',
  'Examples:',
  '  # Show metrics for all pods in the default namespace',
  '  kubectl top pod',
  '  ',
  '  # Show metrics for all pods in the given namespace',
  '  kubectl top pod --namespace=NAMESPACE',
  '  ',
  '  # Show metrics for a given pod and its containers',
  '  kubectl top pod POD_NAME --containers',
  '  ',
  '  # Show metrics for the pods defined by label name=myLabel',
  '  kubectl top pod -l name=myLabel',
  '',
  'Options:',
  '    -A, --all-namespaces=false:',
  '\tIf present, list the requested object(s) across all namespaces.',
  '\tNamespace in current context is ignored even if specified with',
  '\t--namespace.',
  '',
  '    --containers=false:',
  '\tIf present, print usage of containers within a pod.',
  '',
  '    --no-headers=false:',
  '\tIf present, print output without headers.',
  '',
  "    --sort-by='':",
  '\tIf non-empty, sort pods list using specified field. The field can be',
  "\teither 'cpu' or 'memory'.",
  '',
  'Usage:',
  '  kubectl top pod [NAME | -l label] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all',
  'commands).',
].join('\n') + '\n';

// kubectl top --help
const topHelp = [
  'Display resource (CPU/memory) usage.',
  '',
  ' The top command allows you to see the resource consumption for nodes or pods.',
  '',
  ' This command requires Metrics Server to be correctly configured and working on the server.',
  '',
  'Available Commands:',
  '  node          Display resource (CPU/memory) usage of nodes',
  '  pod           Display resource (CPU/memory) usage of pods',
  '',
  'Usage:',
  '  kubectl top [flags] [options]',
  '',
  'Use "kubectl top <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl cluster-info --help
const clusterInfoHelp = [
  "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  '',
  'Examples:',
  '  # Print the address of the control plane and cluster services',
  '  kubectl cluster-info',
  '',
  'Usage:',
  '  kubectl cluster-info [flags] [options]',
  '',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

// kubectl --help
const rootHelpText = [
  'kubectl controls the Kubernetes cluster manager.',
  '',
  ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
  '',
  'Basic Commands (Beginner):',
  '  create          Create a resource from a file or from stdin',
  '  run             Run a particular image on the cluster',
  '',
  'Basic Commands (Intermediate):',
  '  get             Display one or many resources',
  '  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector',
  '',
  'Cluster Management Commands:',
  '  cluster-info    Display cluster information',
  '  top             Display resource (CPU/memory) usage',
  '',
  'Troubleshooting and Debugging Commands:',
  '  describe        Show details of a specific resource or group of resources',
  '  logs            Print the logs for a container in a pod',
  '  exec            Execute a command in a container',
  '',
  'Advanced Commands:',
  '  apply           Apply a configuration to a resource by file name or stdin',
  '',
  'Settings Commands:',
  '  label           Update the labels on a resource',
  '  annotate        Update the annotations on a resource',
  '',
  'Subcommands provided by plugins:',
  '',
  'Other Commands:',
  '  api-resources   Print the supported API resources on the server',
  '  version         Print the client and server version information',
  '',
  'Usage:',
  '  kubectl [flags] [options]',
  '',
  'Use "kubectl <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n') + '\n';

describe('kubectl CMD --help', () => {
  test.each([
    ['get', [], ['all-namespaces', 'filename', 'no-headers', 'output', 'output-watch-events', 'selector', 'show-labels', 'sort-by', 'watch', 'watch-only'], getHelp],
    ['logs', [], ['container', 'follow', 'previous', 'selector', 'tail', 'timestamps'], logsHelp],
    ['annotate', [], ['all', 'all-namespaces', 'filename', 'list', 'overwrite', 'resource-version', 'selector'], annotateHelp],
    ['exec', [], ['container', 'filename', 'pod-running-timeout', 'quiet', 'stdin', 'tty'], execHelp],
    ['delete', [], ['all', 'all-namespaces', 'filename', 'force', 'grace-period', 'now', 'selector', 'wait'], deleteHelp],
    ['top', ['pod'], ['all-namespaces', 'containers', 'no-headers', 'sort-by', 'show-capacity'], topPodHelp],
    ['top', ['po'], ['all-namespaces', 'containers', 'no-headers', 'sort-by'], topPodHelp],
    ['top', [], ['all-namespaces', 'containers', 'no-headers', 'sort-by', 'show-capacity'], topHelp],
    ['cluster-info', [], [], clusterInfoHelp],
  ])('kubectl %s %j --help lists upstream texts for the implemented flags only', (name, args, flags, expected) => {
    expect(commandHelp(withFlags(name, flags), args)).toBe(expected);
  });

  test('on a terminal, help is word-wrapped as kubectl does at 120 and 80 columns (flag usage 10 narrower)', () => {
    const top = withFlags('top', ['all-namespaces', 'containers', 'no-headers', 'sort-by']);
    expect(commandHelp(top, ['pod'], terminalLimitWidth(120))).toBe(topPodHelp120);
    expect(commandHelp(top, ['pod'], terminalLimitWidth(80))).toBe(topPodHelp80);
    expect(terminalLimitWidth(79)).toBe(0);
    expect(terminalLimitWidth(110)).toBe(100);
  });

  test('the registry is wired: --help, -h and help CMD print the same, with the registry flags', () => {
    const k = kubectl();
    const get = commandHelp(registry('get'));
    expect(k('get', '--help')).toEqual({ stdout: get, stderr: '', exitCode: 0 });
    expect(k('get', 'pods', '-h').stdout).toBe(get);
    expect(k('help', 'get', 'pods').stdout).toBe(get);
    expect(k('top', 'pod', '--help').stdout).toBe(commandHelp(registry('top'), ['pod']));
    expect(k('help', 'top', 'no').stdout).toBe(commandHelp(registry('top'), ['node']));
    expect(k('top', 'xyz', '--help').stdout).toBe(commandHelp(registry('top')));
  });

  test('on the lesson terminal help wraps as on an 80-column one', () => {
    expect(kubectl(true)('top', 'pod', '--help').stdout).toBe(commandHelp(registry('top'), ['pod'], 80));
  });
});

describe('kubectl --help, kubectl help, kubectl options', () => {
  const shown = ['create', 'run', 'get', 'delete', 'cluster-info', 'top', 'describe', 'logs', 'exec', 'apply', 'label', 'annotate', 'api-resources', 'version', 'options'];

  test("kubectl --help lists the terminal's commands in kubectl's groups, without `options`", () => {
    expect(rootHelp(kubectlCommands.filter((c) => shown.includes(c.name)))).toBe(rootHelpText);
    expect(kubectl()('--help').stdout).toBe(rootHelp(kubectlCommands));
    expect(kubectl()().stdout).toBe(rootHelp(kubectlCommands));
    expect(kubectl()('help').stdout).toBe(rootHelp(kubectlCommands));
  });

  test('kubectl help with an unknown topic prints the root usage on stderr and exits 0', () => {
    const cmds = kubectlCommands.filter((c) => shown.includes(c.name));
    const usage = rootHelpText.slice(rootHelpText.indexOf('\n\nBasic Commands'));
    expect(helpCommand(['nonexist'], cmds, globalFlags)).toEqual({ stdout: '', stderr: `Unknown help topic [\`nonexist\`]\n${usage}`, exitCode: 0 });
    expect(helpCommand(['a', 'b`c'], cmds, globalFlags).stderr.split('\n')[0]).toBe('Unknown help topic [`a` "b`c"]');
  });

  test("kubectl help's own flags: --help describes it, an unknown flag is cobra's error", () => {
    const k = kubectl();
    expect(k('help', '--help').stdout).toBe(
      'Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.\n\n'
      + 'Usage:\n  kubectl help [command] [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    expect(k('help', '--foo', 'get')).toEqual({ stdout: '', stderr: "Error: unknown flag: --foo\nSee 'kubectl help --help' for usage.\n", exitCode: 1 });
    expect(k('help', '-n', 'kube-system', 'get').stdout).toBe(commandHelp(registry('get')));
  });

  test('kubectl options lists the inherited flags; its --help prints nothing', () => {
    const k = kubectl();
    expect(k('options').stdout).toBe("The following options can be passed to any command:\n\n    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n\n");
    expect(k('options', '--help')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('upstream texts cover the registry', () => {
  const commands = kubectlCommands.filter((c) => c.name !== 'options');

  test.each(commands.map((c) => [c.name]))('kubectl %s has upstream help texts', (name) => {
    expect(hasUpstreamDoc(name)).toBe(true);
  });

  // A flag added to the registry fails here until its upstream usage text is added to help.ts.
  test.each(commands.flatMap((c) => c.flags.filter((f) => f.name !== 'help').map((f) => [c.name, f.name, f.shorthand ?? ''])))(
    'kubectl %s --%s has an upstream usage text, with the same shorthand',
    (command, flag, shorthand) => {
      const doc = upstreamFlagDoc(command, flag);
      expect(doc).toBeDefined();
      expect(doc!.shorthand ?? '').toBe(shorthand);
    },
  );

  test.each([
    ['get', 'watch', 'w'], ['get', 'watch-only', ''], ['get', 'output-watch-events', ''], ['logs', 'follow', 'f'],
    ['delete', 'wait', ''], ['delete', 'now', ''], ['delete', 'grace-period', ''], ['delete', 'force', ''],
    ['events', 'for', ''], ['events', 'types', ''], ['events', 'watch', 'w'], ['events', 'all-namespaces', 'A'], ['events', 'output', 'o'], ['events', 'no-headers', ''],
    ['explain', 'recursive', ''], ['explain', 'api-version', ''], ['explain', 'output', 'o'],
  ])('kubectl %s --%s is documented ahead of its implementation', (command, flag, shorthand) => {
    expect(upstreamFlagDoc(command, flag)?.shorthand ?? '').toBe(shorthand);
    expect(upstreamFlagDoc(command, flag)?.usage).toBeTruthy();
  });
});

describe('wrapString (go-wordwrap v1.0.1)', () => {
  test.each([
    ['foo', 4, 'foo'],
    ['foobarbaz', 4, 'foobarbaz'],
    ['foo bar baz', 4, 'foo\nbar\nbaz'],
    ['foo\nb ar\nbaz', 4, 'foo\nb ar\nbaz'],
    ['foo       \nb ar\nbaz', 4, 'foo\nb ar\nbaz'],
  ])('%j at %d', (input, lim, output) => {
    expect(wrapString(input, lim)).toBe(output);
  });
});
