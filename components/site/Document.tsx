/** The HTML document of a root layout: `<html lang>` for the locale, a skip link, the page. */
import '@/app/globals.css';
import { htmlLang, messages, type Locale } from '@/lib/content/i18n';

export function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    <html lang={htmlLang[locale]}>
      <body>
        <a className="skip-link" href="#main">{messages[locale].skipToContent}</a>
        {children}
      </body>
    </html>
  );
}
