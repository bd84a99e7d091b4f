'use client';
/**
 * A graded exercise: its title and task (from lesson.json, in the page's language), a Check button that asks the lab
 * to grade the current cluster state, and the result of every check: expected, found, pass or fail.
 * The result is announced (aria-live) and marked with words and symbols, not colour alone.
 */
import { useId, useState } from 'react';
import type { GradeResult } from '@/lib/lab-types';
import { useLab } from './LabProvider';

export function Exercise({ id }: { id: string }) {
  const { lesson, locale, t, status, passed, grade, generation } = useLab();
  const [result, setResult] = useState<{ generation: number; value: GradeResult } | null>(null);
  const headingId = useId();
  const index = lesson.exercises.findIndex((e) => e.id === id);
  const exercise = lesson.exercises[index];

  if (!exercise) {
    return <div className="exercise exercise-broken" role="alert">{t.unknownExercise(id)}</div>;
  }

  const isPassed = passed.has(id);
  // A result from before a lab reset describes a cluster that no longer exists.
  const shown = result && result.generation === generation ? result.value : null;
  const failedCount = shown ? shown.checks.filter((c) => !c.passed).length : 0;

  return (
    <section className="exercise" aria-labelledby={headingId} data-exercise={id} data-passed={isPassed ? 'true' : 'false'}>
      <header className="exercise-header">
        <p className="exercise-eyebrow">{t.exercise(index + 1)}</p>
        <h3 id={headingId} className="exercise-title">{exercise.title[locale]}</h3>
        <span className={isPassed ? 'badge badge-passed' : 'badge'} data-testid="exercise-status">
          <span aria-hidden="true">{isPassed ? '✓' : '○'}</span>
          {isPassed ? t.passed : t.notPassed}
        </span>
      </header>
      <p className="exercise-task">{exercise.task[locale]}</p>
      <div className="exercise-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={status !== 'ready'}
          onClick={() => {
            const value = grade(id);
            if (value) setResult({ generation, value });
          }}
        >
          {t.check}
        </button>
      </div>
      <div className="exercise-result" aria-live="polite" aria-atomic="true">
        {shown && (
          <>
            <p className={shown.passed ? 'result-summary result-pass' : 'result-summary result-fail'}>
              <span aria-hidden="true">{shown.passed ? '✓ ' : '✗ '}</span>
              {shown.passed ? t.allChecksPass : t.someChecksFail(failedCount, shown.checks.length)}
            </p>
            <ul className="checks">
              {shown.checks.map((check, i) => (
                <li key={i} className={check.passed ? 'check check-pass' : 'check check-fail'}>
                  <span className="check-mark" aria-hidden="true">{check.passed ? '✓' : '✗'}</span>
                  <div className="check-body">
                    <p className="check-description">
                      <strong className="check-verdict">{check.passed ? t.checkPassed : t.checkFailed}:</strong>{' '}
                      {check.description}
                    </p>
                    <dl className="check-values">
                      <div><dt>{t.expected}</dt><dd><code>{check.expected}</code></dd></div>
                      <div><dt>{t.found}</dt><dd><code>{check.found}</code></dd></div>
                    </dl>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
