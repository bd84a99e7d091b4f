/** 404 for any unmatched URL. The site has two root layouts (English, Chinese), so this page is bilingual. */
import './globals.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { messages } from '@/lib/content/i18n';

export const metadata: Metadata = { title: `404 · ${messages.en.notFoundTitle}` };

export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="not-found">
          <p className="not-found-code">404</p>
          <h1>{messages.en.notFoundTitle}</h1>
          <p>{messages.en.notFoundBody} <Link href="/">{messages.en.home}</Link></p>
          <div lang="zh-Hans">
            <h2>{messages.zh.notFoundTitle}</h2>
            <p>{messages.zh.notFoundBody} <Link href="/zh">{messages.zh.home}</Link></p>
          </div>
        </main>
      </body>
    </html>
  );
}
