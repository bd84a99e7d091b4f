/** Page metadata shared by the English and Chinese root layouts and home pages. */
import type { Metadata, Viewport } from 'next';
import { htmlLang, localePath, locales, messages, type Locale } from '@/lib/content/i18n';

export function siteMetadata(locale: Locale): Metadata {
  const t = messages[locale];
  return {
    title: { default: `${t.siteName} — ${t.tagline}`, template: `%s · ${t.siteName}` },
    description: t.pitch,
    applicationName: t.siteName,
  };
}

export function homeMetadata(locale: Locale): Metadata {
  return {
    alternates: {
      canonical: localePath(locale, '/'),
      languages: Object.fromEntries(locales.map((l) => [htmlLang[l], localePath(l, '/')])),
    },
  };
}

export const siteViewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f8fa' },
    { media: '(prefers-color-scheme: dark)', color: '#12161c' },
  ],
};
