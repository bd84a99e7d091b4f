import type { Metadata, Viewport } from 'next';
import { Document } from '@/components/site/Document';
import { siteMetadata, siteViewport } from '@/components/site/metadata';

export const metadata: Metadata = siteMetadata('en');
export const viewport: Viewport = siteViewport;

export default function EnglishLayout({ children }: { children: React.ReactNode }) {
  return <Document locale="en">{children}</Document>;
}
