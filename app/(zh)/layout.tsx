import type { Metadata, Viewport } from 'next';
import { Document } from '@/components/site/Document';
import { siteMetadata, siteViewport } from '@/components/site/metadata';

export const metadata: Metadata = siteMetadata('zh');
export const viewport: Viewport = siteViewport;

export default function ChineseLayout({ children }: { children: React.ReactNode }) {
  return <Document locale="zh">{children}</Document>;
}
