'use client';
/** An inline command in a sentence — `<Command>kubectl get pods</Command>` — with a small button that runs it. */
import { useLab } from '@/components/lab/LabProvider';

export function Command({ children }: { children: string }) {
  const { t, run, status } = useLab();
  const command = String(children).trim();
  return (
    <span className="command">
      <code>{command}</code>
      <button
        type="button"
        className="command-run"
        disabled={status !== 'ready'}
        aria-label={t.runCommand(command)}
        title={t.runInTerminal}
        onClick={() => run([command])}
      >
        <span aria-hidden="true">▶</span>
      </button>
    </span>
  );
}
