/**
 * Kubernetes object shapes as they travel over the API (JSON field names verbatim, core/v1).
 * Only the fields the simulator reads or writes are typed; everything else a manifest carries is kept as-is.
 */

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<Record<string, unknown>>;
  finalizers?: string[];
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface EnvVar { name: string; value?: string; [key: string]: unknown }
export interface ContainerPort { containerPort: number; name?: string; protocol?: string; hostPort?: number; hostIP?: string }
export interface ExecAction { command?: string[] }
export interface HTTPGetAction { path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: Array<{ name: string; value: string }> }
export interface TCPSocketAction { port: number | string; host?: string }
export interface GRPCAction { port: number; service?: string }
export interface Probe {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  grpc?: GRPCAction;
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}
export interface LifecycleHandler { exec?: ExecAction; httpGet?: HTTPGetAction; tcpSocket?: TCPSocketAction; sleep?: { seconds: number } }
export interface ResourceRequirements { limits?: Record<string, string>; requests?: Record<string, string> }
export interface VolumeMount { name: string; mountPath: string; readOnly?: boolean; subPath?: string }

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { postStart?: LifecycleHandler; preStop?: LifecycleHandler };
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  imagePullPolicy?: string;
  restartPolicy?: string;
  [key: string]: unknown;
}

export interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  schedulerName?: string;
  serviceAccountName?: string;
  securityContext?: Record<string, unknown>;
  tolerations?: Toleration[];
  volumes?: Array<Record<string, unknown> & { name: string }>;
  priority?: number;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  [key: string]: unknown;
}

export interface ContainerStateWaiting { reason?: string; message?: string }
export interface ContainerStateRunning { startedAt?: string }
export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}
export interface ContainerState { waiting?: ContainerStateWaiting; running?: ContainerStateRunning; terminated?: ContainerStateTerminated }

export interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started?: boolean;
  [key: string]: unknown;
}

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
}

export interface PodStatus {
  phase?: string;
  conditions?: PodCondition[];
  message?: string;
  reason?: string;
  hostIP?: string;
  hostIPs?: Array<{ ip: string }>;
  podIP?: string;
  podIPs?: Array<{ ip: string }>;
  startTime?: string;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  qosClass?: string;
  nominatedNodeName?: string;
  observedGeneration?: number;
  [key: string]: unknown;
}

export interface Pod extends KubeObject {
  apiVersion: 'v1';
  kind: 'Pod';
  spec: PodSpec;
  status?: PodStatus;
}

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface Node extends KubeObject {
  apiVersion: 'v1';
  kind: 'Node';
  spec: { podCIDR?: string; podCIDRs?: string[]; taints?: Array<{ key: string; value?: string; effect: string; timeAdded?: string }>; unschedulable?: boolean; [key: string]: unknown };
  status: {
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    conditions: NodeCondition[];
    addresses: Array<{ type: string; address: string }>;
    nodeInfo: Record<string, string>;
    daemonEndpoints?: Record<string, unknown>;
    images?: Array<{ names: string[]; sizeBytes: number }>;
    [key: string]: unknown;
  };
}

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface Event extends KubeObject {
  apiVersion: 'v1';
  kind: 'Event';
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: { component?: string; host?: string };
  /** null for events written through events.k8s.io/v1 (the scheduler's), which set eventTime instead. */
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  count?: number;
  action?: string;
  type: 'Normal' | 'Warning';
  /** RFC 3339 with microseconds (metav1.MicroTime), or null for legacy core/v1 events. */
  eventTime: string | null;
  reportingComponent: string;
  reportingInstance: string;
}

export interface Namespace extends KubeObject {
  apiVersion: 'v1';
  kind: 'Namespace';
  spec?: { finalizers?: string[] };
  status?: { phase?: string };
}

export interface ServicePort { name?: string; protocol?: string; port: number; targetPort?: number | string; nodePort?: number; appProtocol?: string }

export interface Service extends KubeObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: {
    selector?: Record<string, string>;
    ports?: ServicePort[];
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    sessionAffinity?: string;
    internalTrafficPolicy?: string;
    publishNotReadyAddresses?: boolean;
    [key: string]: unknown;
  };
  status?: { loadBalancer?: Record<string, unknown> };
}

export interface EndpointAddress { ip: string; hostname?: string; nodeName?: string; targetRef?: ObjectReference }
export interface EndpointPort { name?: string; port: number; protocol?: string; appProtocol?: string }
export interface EndpointSubset { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports?: EndpointPort[] }

export interface Endpoints extends KubeObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  subsets?: EndpointSubset[];
}
