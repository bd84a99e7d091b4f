/** Runs one program outside a shell, against a cluster's clock, and waits for a stream to end (at most 10 minutes). */
import type { Cluster } from '@/lib/sim/cluster';
import { isStream, type Program, type ProgramContext, type ProgramResult } from '@/lib/shell/types';

export function runProgram(program: Program, cluster: Cluster, ctx: Omit<ProgramContext, 'now' | 'waitUntil'>): ProgramResult {
  const clock = cluster.clock;
  const outcome = program.run({ ...ctx, now: () => clock.now(), waitUntil: (d, t) => clock.advanceUntil(d, t) });
  if (!isStream(outcome)) return outcome;
  clock.advanceUntil(() => outcome.exitCode() !== undefined, 10 * 60_000);
  const code = outcome.exitCode();
  const out = outcome.read();
  const tail = outcome.stop();
  return { stdout: out.stdout + tail.stdout, stderr: out.stderr + tail.stderr, exitCode: code ?? 130 };
}
