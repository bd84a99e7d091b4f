/**
 * Tab completion for the lesson terminal. `completeKubectl` derives everything from the one command registry
 * (STYLE.md §5): subcommand names, each command's flags plus the global flags, and which commands take
 * `TYPE NAME` arguments (their usage line names `TYPE`). Models kubectl's cobra completions
 * (staging/src/k8s.io/kubectl/pkg/util/completion/completion.go: ResourceTypeAndNameCompletionFunc,
 * CompGetResourceList, which offers plural resource names as `kubectl api-resources -o name` does) and cobra's
 * flag-name completion. `createCompleter` is the bash side: command names, then files, for any command line.
 */
import type { Cluster } from '../sim/cluster';
import type { KubeObject } from '../sim/types';
import type { VirtualFs } from '../shell/vfs';
import type { FlagSpec } from './flags';
import { globalFlags, kubectlCommands } from './kubectl';
import { resolveResource } from './resources';

/** What Tab may put in place of the word that ends at the cursor. */
export interface Completion {
  /** Index in the line (UTF-16 units) where the word being completed begins. */
  start: number;
  /** Full replacement words, sorted; a directory ends in `/`, a value still to be typed after it ends in `=`. */
  candidates: string[];
  /** The candidates are paths: a listing shows only their last component, as bash does. */
  files?: boolean;
}

export type Completer = (line: string, cursor: number) => Completion;

/** Values for `-o`, as kubectl's completion offers them (get.go `outputFormats` subset the simulator prints). */
export const outputFormats = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const matching = (xs: Iterable<string>, prefix: string) => sorted([...xs].filter((x) => x.startsWith(prefix)));

/** Paths in `fs` that complete `current` (`dir/pre` → entries of `dir` starting with `pre`; directories end in `/`). Pure. */
export function completeFiles(fs: VirtualFs, current: string): string[] {
  const slash = current.lastIndexOf('/');
  const dir = current.slice(0, slash + 1);
  const base = current.slice(slash + 1);
  const listed = dir === '' ? fs.list('.') : fs.isDir(dir) ? fs.list(dir) : undefined;
  if (!listed) return [];
  return sorted(listed
    .filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
    .map((name) => dir + name + (fs.isDir(dir + name) ? '/' : '')));
}

interface KubectlState {
  command?: (typeof kubectlCommands)[number];
  namespace: string;
  allNamespaces: boolean;
  positionals: string[];
  /** The subcommand word names no command: nothing completes. */
  unknown?: boolean;
  /** The flag whose value is the current word (`-n <TAB>`). */
  pendingFlag?: FlagSpec;
}

function findFlag(specs: FlagSpec[], word: string): { spec?: FlagSpec; inlineValue: boolean } {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    return { spec: specs.find((s) => s.name === name), inlineValue: eq !== -1 };
  }
  // A run of shorthands (`-A`, `-oyaml`): the first non-bool takes the rest, or the next word.
  for (let j = 1; j < word.length; j++) {
    const spec = specs.find((s) => s.shorthand === word[j]);
    if (!spec) return { inlineValue: false };
    if (spec.type !== 'bool') return { spec, inlineValue: j + 1 < word.length };
  }
  return { spec: specs.find((s) => s.shorthand === word[word.length - 1]), inlineValue: false };
}

function flagValue(word: string, next: string | undefined): string | undefined {
  const eq = word.indexOf('=');
  if (word.startsWith('--')) return eq === -1 ? next : word.slice(eq + 1);
  return word.length > 2 ? word.slice(2).replace(/^=/, '') : next;
}

/** Reads the words before the cursor as kubectl would parse them, without failing on anything. */
function readWords(words: string[]): KubectlState {
  const st: KubectlState = { namespace: 'default', allNamespaces: false, positionals: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const specs = [...(st.command?.flags ?? []), ...globalFlags];
    if (w === '--') break;
    if (w.startsWith('-') && w.length > 1) {
      const { spec, inlineValue } = findFlag(specs, w);
      if (!spec) continue;
      if (spec.type === 'bool') {
        if (spec.name === 'all-namespaces') st.allNamespaces = true;
        continue;
      }
      if (!inlineValue && i + 1 >= words.length) { st.pendingFlag = spec; break; }
      const value = flagValue(w, words[i + 1]);
      if (!inlineValue) i++;
      if (spec.name === 'namespace' && value) st.namespace = value;
      continue;
    }
    if (st.command) st.positionals.push(w);
    else {
      st.command = kubectlCommands.find((c) => c.name === w || c.aliases?.includes(w));
      if (!st.command) return { ...st, unknown: true };
    }
  }
  return st;
}

function objectNames(cluster: Cluster, resource: string, st: KubectlState): string[] {
  const t = resolveResource(cluster, resource);
  if (!t) return [];
  const ns = t.namespaced && !st.allNamespaces ? st.namespace : undefined;
  return cluster.api.list<KubeObject>(t.resource, ns).map((o) => o.metadata.name ?? '');
}

function flagValueCandidates(spec: FlagSpec, current: string, cluster: Cluster, fs: VirtualFs): string[] {
  if (spec.name === 'namespace') return matching(cluster.api.list<KubeObject>('namespaces').map((o) => o.metadata.name ?? ''), current);
  if (spec.name === 'output') return matching(outputFormats, current);
  if (spec.name === 'filename') return completeFiles(fs, current);
  return [];
}

/**
 * Candidates for `current`, the word at the cursor, after `kubectl` and the complete `words` before it.
 * Reads the cluster and `fs`; mutates nothing.
 */
export function completeKubectl(words: string[], current: string, cluster: Cluster, fs: VirtualFs): string[] {
  const st = readWords(words);
  if (st.unknown) return [];
  if (st.pendingFlag) return flagValueCandidates(st.pendingFlag, current, cluster, fs);
  const specs = [...(st.command?.flags ?? []), ...globalFlags];

  if (current.startsWith('-')) {
    // A value inside the flag word: `--output=ya`, `-oya`, `--namespace=kube`, `-f=pod`.
    const long = /^--([^=]+)=(.*)$/.exec(current);
    const spec = long ? specs.find((s) => s.name === long[1]) : /^-[^-]/.test(current) && current.length > 2 ? specs.find((s) => s.shorthand === current[1]) : undefined;
    if (spec && spec.type !== 'bool') {
      const head = long ? `--${long[1]}=` : current.slice(0, current[2] === '=' ? 3 : 2);
      return flagValueCandidates(spec, current.slice(head.length), cluster, fs).map((v) => head + v);
    }
    if (long) return [];
    if (!current.startsWith('--') && current.length > 1) return current.length === 2 && specs.some((s) => s.shorthand === current[1]) ? [current] : [];
    // cobra: every `--name`; a lone `-` also lists the shorthands.
    const names = specs.map((s) => `--${s.name}`);
    if (current === '-') names.push(...specs.filter((s) => s.shorthand).map((s) => `-${s.shorthand}`));
    return matching(names, current);
  }

  if (!st.command) return matching(kubectlCommands.map((c) => c.name), current);
  if (!/\bTYPE\b/.test(st.command.usage)) return [];
  const [type, ...names] = st.positionals;
  if (type === undefined) {
    const slash = current.indexOf('/');
    if (slash !== -1) {
      const typed = current.slice(0, slash);
      return matching(objectNames(cluster, typed, st).map((n) => `${typed}/${n}`), current);
    }
    return matching([...cluster.api.types.values()].map((t) => t.resource), current);
  }
  if (st.command.name === 'explain') return []; // explain takes one TYPE[.FIELD...]
  if (type.includes('/')) return matching(objectNames(cluster, type.slice(0, type.indexOf('/')), st).map((n) => `${type.slice(0, type.indexOf('/'))}/${n}`), current);
  // label/annotate take one NAME, then KEY=VAL pairs; get/describe/delete take any number of names.
  if (/\bKEY_1\b/.test(st.command.usage) && names.length > 0) return [];
  return matching(objectNames(cluster, type, st).filter((n) => !names.includes(n)), current);
}

interface LineWords {
  /** Words of the current simple command before the cursor word (unquoted). */
  words: string[];
  current: string;
  start: number;
  /** The current word follows `<`, `>` or `>>`. */
  afterRedirect: boolean;
}

/** Splits the text before the cursor into the current command's words; undefined inside an open quote. */
function scanLine(text: string): LineWords | undefined {
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let start = 0;
  let redirect = false;
  let afterRedirect = false;
  const endWord = () => {
    if (inWord) {
      if (redirect) redirect = false;
      else words.push(word);
    }
    word = '';
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') { endWord(); continue; }
    if ('|&;()'.includes(ch)) { endWord(); words = []; redirect = false; continue; }
    if (ch === '<' || ch === '>') { endWord(); redirect = true; continue; }
    if (!inWord) { inWord = true; start = i; afterRedirect = redirect; }
    if (ch === '\\') { word += text[++i] ?? ''; continue; }
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) return undefined;
      word += text.slice(i + 1, close);
      i = close;
      continue;
    }
    word += ch;
  }
  if (!inWord) { start = text.length; afterRedirect = redirect; }
  return { words, current: inWord ? word : '', start, afterRedirect };
}

/** bash's filename quoting: a backslash before each character the shell would read specially. */
const quote = (s: string) => s.replace(/[\s'"\\$`&;|<>()*?[\]{}!#~=]/g, (c, at: number) => (c === '~' && at > 0) || c === '=' ? c : `\\${c}`);

export interface CompleterOptions {
  fs: VirtualFs;
  cluster: Cluster;
  /** The shell's command names (`shell.commands`). */
  commands: () => string[];
}

/**
 * The terminal's completer: the first word of a command completes to a command name (or a path when it has a `/`),
 * the words after `kubectl` through `completeKubectl`, and any other word to file names. Mutates nothing.
 */
export function createCompleter(options: CompleterOptions): Completer {
  const { fs, cluster, commands } = options;
  return (line, cursor) => {
    const scan = scanLine(line.slice(0, cursor));
    if (!scan) return { start: cursor, candidates: [] };
    const { words, current, start, afterRedirect } = scan;
    if (!afterRedirect && words.length === 0 && !current.includes('/')) return { start, candidates: matching(commands(), current) };
    if (!afterRedirect && words[0] === 'kubectl') return { start, candidates: completeKubectl(words.slice(1), current, cluster, fs).map(quote) };
    return { start, candidates: completeFiles(fs, current).map(quote), files: true };
  };
}
