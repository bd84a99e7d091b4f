/**
 * The registry the simulated nodes pull from: which images and tags exist, their size and digest, and how
 * their main process behaves. An image or tag outside the catalog fails to pull, as a registry would answer.
 */

export type ProcessKind =
  | 'server'  // serves until signalled; exits promptly on TERM (nginx, httpd, redis, myapp)
  | 'shell'   // runs its command (busybox, alpine); default `sh` exits at once without a terminal
  | 'stress'; // burns CPU/memory until killed (stress-ng)

export interface ImageInfo {
  /** Fully qualified repository: `docker.io/library/nginx`. */
  repository: string;
  tag: string;
  /** Compressed size in bytes, as the Pulled event reports it. */
  size: number;
  digest: string;
  kind: ProcessKind;
  /** Default ENTRYPOINT + CMD. */
  entrypoint: string[];
  /** TCP port the server listens on. */
  port?: number;
}

interface Repo { kind: ProcessKind; tags: Record<string, number>; entrypoint: string[]; port?: number }

// Sizes are the compressed linux/amd64 image sizes published by the registry for these tags.
const catalog: Record<string, Repo> = {
  'docker.io/library/nginx': { kind: 'server', port: 80, entrypoint: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], tags: { latest: 72_195_292, '1.27': 72_188_133, '1.25': 70_544_635, alpine: 21_487_360, '1.12-alpine': 6_717_342, '1.14.2': 44_707_470 } },
  'docker.io/library/busybox': { kind: 'shell', entrypoint: ['sh'], tags: { latest: 2_155_589, '1.36': 2_155_589, '1.28': 727_869, '1.37': 2_155_589 } },
  'docker.io/library/alpine': { kind: 'shell', entrypoint: ['/bin/sh'], tags: { latest: 3_653_068, '3.20': 3_626_226, '3.19': 3_419_706 } },
  'docker.io/library/httpd': { kind: 'server', port: 80, entrypoint: ['httpd-foreground'], tags: { latest: 58_987_241, alpine: 21_983_104, '2.4': 58_987_241 } },
  'docker.io/library/redis': { kind: 'server', port: 6379, entrypoint: ['docker-entrypoint.sh', 'redis-server'], tags: { latest: 45_051_021, alpine: 17_245_718, '7': 45_051_021 } },
  'docker.io/ikubernetes/myapp': { kind: 'server', port: 80, entrypoint: ['nginx', '-g', 'daemon off;'], tags: { v1: 6_689_862, v2: 6_689_902 } },
  // Control-plane images of a kubeadm v1.34 cluster.
  'registry.k8s.io/etcd': { kind: 'server', entrypoint: ['etcd'], tags: { '3.6.4-0': 23_573_823 } },
  'registry.k8s.io/kube-apiserver': { kind: 'server', entrypoint: ['kube-apiserver'], tags: { 'v1.34.1': 27_061_991 } },
  'registry.k8s.io/kube-controller-manager': { kind: 'server', entrypoint: ['kube-controller-manager'], tags: { 'v1.34.1': 22_819_474 } },
  'registry.k8s.io/kube-scheduler': { kind: 'server', entrypoint: ['kube-scheduler'], tags: { 'v1.34.1': 17_385_568 } },
  'registry.k8s.io/kube-proxy': { kind: 'server', entrypoint: ['/usr/local/bin/kube-proxy'], tags: { 'v1.34.1': 25_963_718 } },
  'registry.k8s.io/coredns/coredns': { kind: 'server', port: 53, entrypoint: ['/coredns'], tags: { 'v1.12.1': 22_384_805 } },
  'docker.io/ikubernetes/stress-ng': { kind: 'stress', entrypoint: ['/usr/bin/stress-ng'], tags: { latest: 3_612_471 } },
};

/** `nginx` → `docker.io/library/nginx:latest`, `ikubernetes/myapp:v1` → `docker.io/ikubernetes/myapp:v1`. */
export function normalizeImage(image: string): { repository: string; tag: string; ref: string } {
  const at = image.indexOf('@');
  const base = at === -1 ? image : image.slice(0, at);
  const slash = base.lastIndexOf('/');
  const colon = base.indexOf(':', slash + 1);
  let name = colon === -1 ? base : base.slice(0, colon);
  const tag = colon === -1 ? 'latest' : base.slice(colon + 1);
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  return { repository: name, tag, ref: `${name}:${tag}` };
}

/** FNV-1a based, deterministic 64-hex digest for a catalog entry (stable across runs). */
function digestOf(ref: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${ref}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}

/** The catalog entry for an image reference, or undefined when the registry has no such image or tag. */
export function lookupImage(image: string): ImageInfo | undefined {
  const { repository, tag, ref } = normalizeImage(image);
  const repo = catalog[repository];
  const size = repo?.tags[tag];
  if (!repo || size === undefined) return undefined;
  return { repository, tag, size, digest: digestOf(ref), kind: repo.kind, entrypoint: repo.entrypoint, port: repo.port };
}
