/**
 * The `kubectl` program of the lesson terminal: one registry of subcommands (STYLE.md §5) from which dispatch,
 * flag parsing and help text derive. Global flags (`-n/--namespace`, `-h/--help`) may stand before or after the
 * subcommand, as with cobra. Errors read as kubectl's: cobra reports unknown commands and flags itself, with a
 * capital `Error:` (checked against a real kubectl client), then suggestions or `See 'kubectl get --help' for usage.`.
 */
import type { Cluster } from '../sim/cluster';
import type { Program, ProgramContext, ProgramOutcome } from '../shell/types';
import type { KubectlCommand } from './command';
import { FlagError, parseFlags, type FlagSpec } from './flags';
import { formatError } from './errors';
import { applyCommand, createCommand } from './commands/apply';
import { getCommand } from './commands/get';
import { describeCommand } from './commands/describe';
import { annotateCommand, labelCommand } from './commands/metadata';
import { deleteCommand } from './commands/delete';
import { execCommand } from './commands/exec';
import { logsCommand } from './commands/logs';
import { topCommand } from './commands/top';
import { runCommand } from './commands/run';
import { apiResourcesCommand, clusterInfoCommand, versionCommand } from './commands/info';

/** Every kubectl subcommand the terminal knows, in `kubectl --help` order. */
export const kubectlCommands: KubectlCommand[] = [createCommand, runCommand, getCommand, deleteCommand, clusterInfoCommand, topCommand, describeCommand, logsCommand, execCommand, applyCommand, labelCommand, annotateCommand, apiResourcesCommand, versionCommand];

export const globalFlags: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'help', shorthand: 'h', type: 'bool', default: false, usage: 'help for kubectl' },
];

/** cobra's Levenshtein-based "Did you mean this?" (SuggestionsMinimumDistance 2, plus prefix matches). */
function suggestions(word: string): string[] {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    }
    return d[a.length][b.length];
  };
  return kubectlCommands.map((c) => c.name).filter((n) => dist(word, n) <= 2 || n.startsWith(word.toLowerCase()));
}

function flagLines(flags: FlagSpec[]): string {
  return flags.map((f) => {
    const head = f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
    const def = f.type === 'bool' ? (f.default === true ? 'true' : 'false') : f.type === 'stringArray' ? '[]' : f.default !== undefined ? String(f.default) : '';
    return `    ${head}=${f.type === 'string' && def === '' ? "''" : def}:\n\t${f.usage}\n`;
  }).join('\n');
}

/** `kubectl CMD --help`, laid out as kubectl's templates lay it out. */
export function commandHelp(c: KubectlCommand): string {
  return `${c.long ?? c.short}.\n\n${c.examples ? `Examples:\n${c.examples}\n\n` : ''}Options:\n${flagLines(c.flags)}\nUsage:\n  ${c.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

function rootHelp(): string {
  const width = Math.max(...kubectlCommands.map((c) => c.name.length)) + 3;
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands available in this terminal:\n${kubectlCommands.map((c) => `  ${c.name.padEnd(width)}${c.short}\n`).join('')}\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

/** Creates the kubectl program bound to a cluster. */
export function createKubectl(cluster: Cluster): Program {
  return {
    name: 'kubectl',
    summary: 'run commands against the simulated Kubernetes cluster',
    run(ctx: ProgramContext): ProgramOutcome {
      // Find the subcommand: the first word that is not a global flag or a global flag's value.
      let i = 0;
      const pre: string[] = [];
      while (i < ctx.argv.length && ctx.argv[i].startsWith('-')) {
        const a = ctx.argv[i];
        pre.push(a);
        if ((a === '-n' || a === '--namespace') && i + 1 < ctx.argv.length) pre.push(ctx.argv[++i]);
        i++;
      }
      const name = ctx.argv[i];
      if (name === undefined || name === 'help') {
        if (pre.some((p) => p !== '-h' && p !== '--help' && !p.startsWith('-n') && !p.startsWith('--namespace')) && name === undefined) {
          try { parseFlags(pre, globalFlags); } catch (e) { return { stdout: '', stderr: `Error: ${(e as Error).message}\nSee 'kubectl --help' for usage.\n`, exitCode: 1 }; }
        }
        return { stdout: rootHelp(), stderr: '', exitCode: 0 };
      }
      const cmd = kubectlCommands.find((c) => c.name === name || c.aliases?.includes(name));
      if (!cmd) {
        const s = suggestions(name);
        return { stdout: '', stderr: `Error: unknown command "${name}" for "kubectl"${s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}\n` : '\n'}`, exitCode: 1 };
      }
      let parsed;
      try {
        parsed = parseFlags([...pre, ...ctx.argv.slice(i + 1)], [...cmd.flags, ...globalFlags]);
      } catch (e) {
        if (e instanceof FlagError) return { stdout: '', stderr: `Error: ${e.message}\nSee 'kubectl ${cmd.name} --help' for usage.\n`, exitCode: 1 };
        throw e;
      }
      if (parsed.flags.help) return { stdout: commandHelp(cmd), stderr: '', exitCode: 0 };
      try {
        return cmd.run({ args: parsed.args, dashArgs: parsed.dashArgs, flags: parsed.flags, namespace: (parsed.flags.namespace as string) || 'default', cluster, ctx });
      } catch (e) {
        return { stdout: '', stderr: formatError(e), exitCode: 1 };
      }
    },
  };
}
