/** The course home: what PodLab is, and the lessons with this browser's progress in each. */
import Link from 'next/link';
import { localePath, messages, type Locale } from '@/lib/content/i18n';
import { loadLessons } from '@/lib/content/lessons.server';
import { LessonProgress } from './LessonProgress';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

export async function HomePage({ locale }: { locale: Locale }) {
  const t = messages[locale];
  const lessons = await loadLessons();
  return (
    <>
      <SiteHeader locale={locale} path="/" />
      <main id="main" className="home">
        <section className="hero">
          <h1>{t.tagline}</h1>
          <p className="hero-pitch">{t.pitch}</p>
        </section>
        <section className="home-section" aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">{t.lessonsHeading}</h2>
          <ol className="lesson-list">
            {lessons.map((lesson) => (
              <li key={lesson.slug} className="lesson-card">
                <p className="eyebrow">{t.lessonLabel(lesson.order)}</p>
                <h3 className="lesson-card-title">
                  <Link href={localePath(locale, `/lessons/${lesson.slug}`)} className="stretched-link">
                    {lesson.title[locale]}
                  </Link>
                </h3>
                <p className="lesson-card-summary">{lesson.summary[locale]}</p>
                <p className="lesson-card-meta">
                  <span>{t.exerciseCount(lesson.exercises.length)}</span>
                  <LessonProgress slug={lesson.slug} exerciseIds={lesson.exercises.map((e) => e.id)} locale={locale} />
                </p>
              </li>
            ))}
          </ol>
        </section>
        <section className="home-section how" aria-labelledby="how-heading">
          <h2 id="how-heading">{t.howHeading}</h2>
          <ul>
            {t.how.map((line) => <li key={line}>{line}</li>)}
          </ul>
        </section>
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
