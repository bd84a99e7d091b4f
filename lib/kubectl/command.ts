/**
 * The shape of a kubectl subcommand (STYLE.md §5): declared once — name, usage, flags, run — so help text,
 * flag parsing and completion all derive from the same declaration. A command talks to the cluster through the
 * API only and returns what it printed.
 */
import type { Cluster } from '../sim/cluster';
import { createStream, type Output as StreamOutput, type ProgramContext, type ProgramOutcome, type ProgramResult, type ProgramStream } from '../shell/types';
import type { WatchEvent } from '../sim/apiserver';
import type { FlagSpec, FlagValues } from './flags';

export interface RunOptions {
  args: string[];
  /** Words after `--`, when the command accepts them. */
  dashArgs?: string[];
  flags: FlagValues;
  /** `-n` or `default`. */
  namespace: string;
  cluster: Cluster;
  ctx: ProgramContext;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  short: string;
  /** `kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]` */
  usage: string;
  flags: FlagSpec[];
  /** What it printed, or a stream for a command that goes on (`get -w`, `logs -f`, `delete` waiting). */
  run(o: RunOptions): ProgramOutcome;
}

/** Output collected while a command runs: kubectl prints results and errors as it goes. */
export interface Output { out: string[]; err: string[] }
export const newOutput = (): Output => ({ out: [], err: [] });
export const result = (o: Output, exitCode: number): ProgramResult => ({ stdout: o.out.join(''), stderr: o.err.join(''), exitCode });

export const filenameFlag: FlagSpec = { name: 'filename', shorthand: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files to use.' };
export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', usage: 'Must be "none", "server", or "client".' };
export const validateFlag: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' };

/**
 * The fieldValidation directive for `--validate`. Models kubectl pkg/cmd/util/helpers.go GetValidationDirective:
 * a boolean (strconv.ParseBool spellings) means strict or ignore.
 */
export function validationDirective(flags: FlagValues): 'Strict' | 'Warn' | 'Ignore' {
  const v = String(flags.validate ?? 'strict');
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return 'Strict';
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return 'Ignore';
  if (v === 'strict') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore') return 'Ignore';
  throw new Error(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export const outputFlag: FlagSpec = { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' };
export const selectorFlag: FlagSpec = { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' };
export const allNamespacesFlag: FlagSpec = { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces.' };

/**
 * A watch as kubectl runs one (`get -w`, `events -w`): `render` prints each event when it happens (so ages are as of
 * that instant), the terminal reads what was printed when it next looks, and the watch ends only when stopped.
 */
export function watchStream(cluster: Cluster, resource: string, render: (e: WatchEvent) => string, first?: StreamOutput): ProgramStream {
  let written = '';
  const unsubscribe = cluster.api.watch(resource, (e) => { written += render(e); });
  return createStream({
    first,
    more: () => {
      const text = written;
      written = '';
      return { stdout: text, stderr: '' };
    },
    done: () => undefined,
    onStop: () => {
      unsubscribe();
      return { stdout: '', stderr: '' };
    },
  });
}
