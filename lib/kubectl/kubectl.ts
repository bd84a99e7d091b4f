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
import { commandHelp, createOptionsCommand, helpCommand, helpWrapLimit, rootHelp as renderRootHelp } from './help';
import { applyCommand, createCommand } from './commands/apply';
import { getCommand } from './commands/get';
import { explainCommand } from './commands/explain';
import { describeCommand } from './commands/describe';
import { annotateCommand, labelCommand } from './commands/metadata';
import { deleteCommand } from './commands/delete';
import { execCommand } from './commands/exec';
import { logsCommand } from './commands/logs';
import { eventsCommand } from './commands/events';
import { topCommand } from './commands/top';
import { runCommand } from './commands/run';
import { apiResourcesCommand, clusterInfoCommand, versionCommand } from './commands/info';

/** Every kubectl subcommand the terminal knows, in `kubectl --help` order. */
export const kubectlCommands: KubectlCommand[] = [createCommand, runCommand, explainCommand, getCommand, deleteCommand, clusterInfoCommand, topCommand, describeCommand, logsCommand, execCommand, eventsCommand, applyCommand, labelCommand, annotateCommand, apiResourcesCommand, versionCommand, createOptionsCommand(() => globalFlags)];

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

/** `kubectl CMD --help`, as kubectl v1.34 prints it (help.ts). */
export { commandHelp };

/** `kubectl --help`: kubectl's command groups, listing this terminal's commands (help.ts). */
function rootHelp(wrapLimit = 0): string {
  return renderRootHelp(kubectlCommands, wrapLimit);
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
      if (name === 'help') return helpCommand(ctx.argv.slice(i + 1), kubectlCommands, globalFlags, helpWrapLimit(ctx));
      if (name === undefined) {
        if (pre.some((p) => p !== '-h' && p !== '--help' && !p.startsWith('-n') && !p.startsWith('--namespace')) && name === undefined) {
          try { parseFlags(pre, globalFlags); } catch (e) { return { stdout: '', stderr: `Error: ${(e as Error).message}\nSee 'kubectl --help' for usage.\n`, exitCode: 1 }; }
        }
        return { stdout: rootHelp(helpWrapLimit(ctx)), stderr: '', exitCode: 0 };
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
      if (parsed.flags.help) return { stdout: commandHelp(cmd, parsed.args, helpWrapLimit(ctx)), stderr: '', exitCode: 0 };
      try {
        return cmd.run({ args: parsed.args, dashArgs: parsed.dashArgs, flags: parsed.flags, namespace: (parsed.flags.namespace as string) || 'default', cluster, ctx });
      } catch (e) {
        return { stdout: '', stderr: formatError(e), exitCode: 1 };
      }
    },
  };
}
