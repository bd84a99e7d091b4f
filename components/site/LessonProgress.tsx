'use client';
/** A lesson's progress on the home page, from this browser's localStorage (nothing is shown on the server). */
import { useProgress } from '@/components/lab/LabProvider';
import { messages, type Locale } from '@/lib/content/i18n';

export function LessonProgress({ slug, exerciseIds, locale }: { slug: string; exerciseIds: string[]; locale: Locale }) {
  const t = messages[locale];
  const progress = useProgress(slug);
  if (progress === null) return <span className="progress" aria-hidden="true" />;
  const total = exerciseIds.length;
  const done = exerciseIds.filter((id) => progress.includes(id)).length;
  const state = done === 0 ? 'none' : done === total ? 'complete' : 'partial';
  const label = state === 'none' ? t.progressNone : state === 'complete' ? t.progressComplete : t.progress(done, total);
  return (
    <span className="progress" data-state={state} data-testid="lesson-progress">
      <span className="progress-bar" aria-hidden="true">
        <span style={{ width: `${total === 0 ? 0 : (100 * done) / total}%` }} />
      </span>
      <span>{label}</span>
    </span>
  );
}
