/**
 * The bar at the top of every page: the course name (home link) and the language switch, which leads to the same
 * page in the other language. The two languages have separate root layouts, so switching is a full page load.
 */
import Link from 'next/link';
import { htmlLang, localeName, localePath, locales, messages, type Locale } from '@/lib/content/i18n';

export function SiteHeader({ locale, path }: { locale: Locale; path: string }) {
  const t = messages[locale];
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={localePath(locale, '/')} className="brand">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <path d="M16 2.5 28 9.25v13.5L16 29.5 4 22.75V9.25z" fill="currentColor" opacity=".16" />
            <path d="M16 2.5 28 9.25v13.5L16 29.5 4 22.75V9.25z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            <circle cx="16" cy="16" r="4.5" fill="currentColor" />
          </svg>
          <span>{t.siteName}</span>
        </Link>
        <nav aria-label={t.language} className="language-switch">
          {locales.map((other) => (
            <Link
              key={other}
              href={localePath(other, path)}
              lang={htmlLang[other]}
              hrefLang={htmlLang[other]}
              aria-current={other === locale ? 'page' : undefined}
              prefetch={false}
            >
              {localeName[other]}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
