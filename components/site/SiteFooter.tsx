import { messages, type Locale } from '@/lib/content/i18n';

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = messages[locale];
  return (
    <footer className="site-footer">
      <p>{t.siteName} · {t.footer}</p>
    </footer>
  );
}
