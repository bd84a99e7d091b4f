/**
 * A lesson: its prose (compiled MDX, rendered on the server) inside the LabProvider that gives the terminal,
 * the exercises and the Run buttons one shared Lab.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { LabProvider } from '@/components/lab/LabProvider';
import { MdxContent } from '@/components/mdx/MdxContent';
import { htmlLang, localePath, locales, messages, type Locale } from '@/lib/content/i18n';
import { compileLessonMdx } from '@/lib/content/compile-mdx.server';
import { loadLessons } from '@/lib/content/lessons.server';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/** Static params for `/lessons/[slug]` in every locale. */
export async function lessonStaticParams(): Promise<{ slug: string }[]> {
  return (await loadLessons()).map((lesson) => ({ slug: lesson.slug }));
}

export async function lessonMetadata(locale: Locale, slug: string): Promise<Metadata> {
  const lesson = (await loadLessons()).find((l) => l.slug === slug);
  if (!lesson) return {};
  return {
    title: lesson.title[locale],
    description: lesson.summary[locale],
    alternates: {
      canonical: localePath(locale, `/lessons/${slug}`),
      languages: Object.fromEntries(locales.map((l) => [htmlLang[l], localePath(l, `/lessons/${slug}`)])),
    },
  };
}

export async function LessonPage({ locale, slug }: { locale: Locale; slug: string }) {
  const t = messages[locale];
  const lessons = await loadLessons();
  const index = lessons.findIndex((l) => l.slug === slug);
  if (index < 0) notFound();
  const lesson = lessons[index];
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const { code } = await compileLessonMdx(slug, locale);

  return (
    <>
      <SiteHeader locale={locale} path={`/lessons/${slug}`} />
      <LabProvider lesson={lesson} locale={locale}>
        <main id="main" className="lesson-layout">
          <article className="prose lesson">
            <header className="lesson-header">
              <p className="eyebrow">
                <Link href={localePath(locale, '/')}>{t.home}</Link>
                <span aria-hidden="true"> / </span>
                {t.lessonLabel(lesson.order)}
              </p>
              <h1>{lesson.title[locale]}</h1>
              <p className="lede">{lesson.summary[locale]}</p>
            </header>
            <MdxContent code={code} />
            {(previous || next) && (
              <nav className="lesson-nav" aria-label={t.lessonsHeading}>
                {previous && (
                  <Link href={localePath(locale, `/lessons/${previous.slug}`)} rel="prev">
                    <span className="lesson-nav-label">{t.previous}</span>
                    {previous.title[locale]}
                  </Link>
                )}
                {next && (
                  <Link href={localePath(locale, `/lessons/${next.slug}`)} rel="next" className="lesson-nav-next">
                    <span className="lesson-nav-label">{t.next}</span>
                    {next.title[locale]}
                  </Link>
                )}
              </nav>
            )}
          </article>
        </main>
      </LabProvider>
      <SiteFooter locale={locale} />
    </>
  );
}
