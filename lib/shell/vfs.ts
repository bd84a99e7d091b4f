/**
 * A small in-memory filesystem for the lesson terminal: regular files and directories, absolute paths,
 * a home directory. Pure data, serialisable for persistence.
 */

export interface VfsSnapshot { files: Record<string, string>; dirs: string[] }

export interface VirtualFs {
  readonly home: string;
  cwd: string;
  /** Absolute, normalised path for `p` relative to cwd (`~` is home). */
  resolve(p: string): string;
  exists(p: string): boolean;
  isDir(p: string): boolean;
  /** File contents, or undefined when there is no such file. */
  readFile(p: string): string | undefined;
  /** Creates or replaces a file; throws Error('No such file or directory') when the parent is missing, Error('Is a directory'). */
  writeFile(p: string, data: string, append?: boolean): void;
  /** Entry names in a directory, sorted as `ls` sorts (C locale). */
  list(p: string): string[] | undefined;
  remove(p: string): boolean;
  mkdir(p: string): void;
  snapshot(): VfsSnapshot;
}

function normalise(parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Creates a filesystem with `/`, `/home/learner` (the cwd) and `/tmp`, optionally restored from a snapshot. */
export function createVirtualFs(init?: VfsSnapshot): VirtualFs {
  const home = '/home/learner';
  const files = new Map<string, string>(Object.entries(init?.files ?? {}));
  const dirs = new Set<string>(init?.dirs ?? ['/', '/home', home, '/tmp']);
  const parent = (p: string) => (p === '/' ? '/' : p.slice(0, p.lastIndexOf('/')) || '/');

  const fs: VirtualFs = {
    home,
    cwd: home,
    resolve(p) {
      if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
      const abs = p.startsWith('/') ? p : `${fs.cwd}/${p}`;
      return normalise(abs.split('/'));
    },
    exists: (p) => { const a = fs.resolve(p); return files.has(a) || dirs.has(a); },
    isDir: (p) => dirs.has(fs.resolve(p)),
    readFile: (p) => files.get(fs.resolve(p)),
    writeFile(p, data, append = false) {
      const a = fs.resolve(p);
      if (dirs.has(a)) throw new Error('Is a directory');
      if (!dirs.has(parent(a))) throw new Error('No such file or directory');
      files.set(a, append ? (files.get(a) ?? '') + data : data);
    },
    list(p) {
      const a = fs.resolve(p);
      if (!dirs.has(a)) return files.has(a) ? [a.slice(a.lastIndexOf('/') + 1)] : undefined;
      const prefix = a === '/' ? '/' : a + '/';
      const names = new Set<string>();
      for (const k of [...files.keys(), ...dirs]) {
        if (k !== a && k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
      }
      return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    },
    remove(p) { return files.delete(fs.resolve(p)); },
    mkdir(p) { const a = fs.resolve(p); if (!dirs.has(parent(a))) throw new Error('No such file or directory'); dirs.add(a); },
    snapshot: () => ({ files: Object.fromEntries(files), dirs: [...dirs].sort() }),
  };
  return fs;
}
