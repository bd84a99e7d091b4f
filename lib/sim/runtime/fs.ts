/**
 * A container's filesystem: the image's files copied into a fresh writable layer at every container start (a
 * restarted container is a new container, as with containerd), plus volumes mounted over directories.
 * Paths are absolute and normalised (`/a/b`); a volume stores its own paths relative to its mount point.
 */

export interface FileNode { type: 'file'; data: string; mode: number; mtime: number; program?: string }
export interface DirNode { type: 'dir'; mode: number; mtime: number }
export type FsNode = FileNode | DirNode;

/** errno names the applets turn into text with `strerror`. */
export type Errno = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EROFS' | 'EBUSY';

/** glibc/musl strerror wording (identical for these errnos). */
export const strerror: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EBUSY: 'Resource busy',
};

/** A pod-level volume (emptyDir, configMap…): created by the kubelet, shared by the containers that mount it. */
export interface Volume { readonly nodes: Map<string, FsNode> }

export interface Mount { path: string; volume: Volume; readOnly?: boolean }

export interface FileSystem {
  stat(path: string): FsNode | undefined;
  /** File contents, or an errno. */
  read(path: string): string | Errno;
  /** Creates or replaces (or appends to) a file; the parent directory must exist. */
  write(path: string, data: string, opts?: { append?: boolean; mode?: number }): Errno | undefined;
  /** Creates a directory; with `parents`, also the missing ancestors and no error when it exists. */
  mkdir(path: string, parents?: boolean): Errno | undefined;
  /** Removes a file, or a directory (empty, or anything with `recursive`). */
  remove(path: string, recursive?: boolean): Errno | undefined;
  /** Sets a node's mtime to now. */
  touch(path: string): void;
  chmod(path: string, mode: number): Errno | undefined;
  /** Names directly under a directory, sorted (bytewise, as `ls` in the C locale). */
  list(path: string): string[] | Errno;
  /** Changes whenever anything visible through this filesystem (its own files or a mounted volume) changes. */
  readonly generation: number;
}

// Mutation counters per node store (a container's root or a volume, which containers may share).
const generations = new WeakMap<Map<string, FsNode>, number>();
const bump = (nodes: Map<string, FsNode>) => generations.set(nodes, (generations.get(nodes) ?? 0) + 1);

/** Normalises `p` against `cwd`: resolves `.`, `..`, duplicate slashes. Pure. */
export function resolvePath(cwd: string, p: string): string {
  // The same few paths come back on every request a server answers: remember recent results.
  const key = `${cwd}\u0000${p}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  if (resolved.size >= 1024) resolved.clear();
  const out = normalize(cwd, p);
  resolved.set(key, out);
  return out;
}
const resolved = new Map<string, string>();

function normalize(cwd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

const parentOf = (p: string) => (p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/')));
const within = (p: string, dir: string) => dir === '/' ? p !== '/' : p.startsWith(`${dir}/`);

/**
 * Creates an empty volume (an emptyDir), or one holding `files` (path relative to the mount → contents) with
 * file `mode` (a configMap's defaultMode, 0644 by default).
 */
export function createVolume(files: Record<string, string> = {}, mtime = 0, mode = 0o644): Volume {
  const nodes = new Map<string, FsNode>([['/', { type: 'dir', mode: 0o777, mtime }]]);
  for (const [p, data] of Object.entries(files)) {
    const path = resolvePath('/', p);
    for (let d = parentOf(path); !nodes.has(d); d = parentOf(d)) nodes.set(d, { type: 'dir', mode: 0o755, mtime });
    nodes.set(path, { type: 'file', data, mode, mtime });
  }
  return { nodes };
}

/**
 * Creates a filesystem over a copy of `image` (the image layers: never mutated) with `mounts` on top.
 * `now` gives mtimes. Mount points are created in the root as directories.
 */
export function createFileSystem(image: ReadonlyMap<string, FsNode>, now: () => number, mounts: Mount[] = []): FileSystem {
  const root = new Map<string, FsNode>();
  for (const [p, n] of image) root.set(p, { ...n });
  const sorted = [...mounts].sort((a, b) => b.path.length - a.path.length);
  for (const m of sorted) {
    for (let d = m.path; !root.has(d); d = parentOf(d)) root.set(d, { type: 'dir', mode: 0o755, mtime: now() });
  }

  /** The store and key a path lives in. */
  function route(path: string): { nodes: Map<string, FsNode>; key: string; readOnly: boolean; mountPoint: boolean } {
    for (const m of sorted) {
      if (path === m.path || within(path, m.path)) {
        return { nodes: m.volume.nodes, key: path === m.path ? '/' : path.slice(m.path.length), readOnly: !!m.readOnly, mountPoint: path === m.path };
      }
    }
    return { nodes: root, key: path, readOnly: false, mountPoint: false };
  }
  const stat = (path: string) => { const r = route(path); return r.nodes.get(r.key); };
  const parentError = (path: string): Errno | undefined => {
    const parent = stat(parentOf(path));
    return !parent ? 'ENOENT' : parent.type !== 'dir' ? 'ENOTDIR' : undefined;
  };

  const fs: FileSystem = {
    stat,
    read(path) {
      const n = stat(path);
      return !n ? 'ENOENT' : n.type === 'dir' ? 'EISDIR' : n.data;
    },
    write(path, data, opts) {
      const r = route(path);
      const n = r.nodes.get(r.key);
      if (n?.type === 'dir') return 'EISDIR';
      if (!n) { const e = parentError(path); if (e) return e; }
      if (r.readOnly) return 'EROFS';
      const prev = n?.type === 'file' ? n : undefined;
      r.nodes.set(r.key, {
        type: 'file', data: opts?.append && prev ? prev.data + data : data, mode: prev?.mode ?? opts?.mode ?? 0o644, mtime: now(),
        program: opts?.append ? prev?.program : undefined,
      });
      bump(r.nodes);
      return undefined;
    },
    mkdir(path, parents) {
      const existing = stat(path);
      if (existing) return parents && existing.type === 'dir' ? undefined : 'EEXIST';
      if (parents && path !== '/') {
        const e = fs.mkdir(parentOf(path), true);
        if (e) return e;
      }
      const e = parentError(path);
      if (e) return e;
      const r = route(path);
      if (r.readOnly) return 'EROFS';
      r.nodes.set(r.key, { type: 'dir', mode: 0o755, mtime: now() });
      bump(r.nodes);
      return undefined;
    },
    remove(path, recursive) {
      const r = route(path);
      const n = r.nodes.get(r.key);
      if (!n) return 'ENOENT';
      if (r.mountPoint || path === '/') return 'EBUSY';
      if (r.readOnly) return 'EROFS';
      if (n.type === 'dir') {
        const children = [...r.nodes.keys()].filter((k) => within(k, r.key));
        if (children.length > 0 && !recursive) return 'ENOTEMPTY';
        if (sorted.some((m) => within(m.path, path))) return 'EBUSY';
        for (const k of children) r.nodes.delete(k);
      }
      r.nodes.delete(r.key);
      bump(r.nodes);
      return undefined;
    },
    touch(path) {
      const n = stat(path);
      if (n) n.mtime = now();
    },
    chmod(path, mode) {
      const r = route(path);
      const n = r.nodes.get(r.key);
      if (!n) return 'ENOENT';
      n.mode = mode;
      bump(r.nodes);
      return undefined;
    },
    get generation() {
      let g = generations.get(root) ?? 0;
      for (const m of sorted) g += generations.get(m.volume.nodes) ?? 0;
      return g;
    },
    list(path) {
      const r = route(path);
      const n = r.nodes.get(r.key);
      if (!n) return 'ENOENT';
      if (n.type !== 'dir') return 'ENOTDIR';
      const prefix = r.key === '/' ? '/' : `${r.key}/`;
      const names = [...r.nodes.keys()].filter((k) => k.startsWith(prefix) && k.length > prefix.length && !k.slice(prefix.length).includes('/'))
        .map((k) => k.slice(prefix.length));
      return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
  return fs;
}
