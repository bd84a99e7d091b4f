import type { Metadata } from 'next';
import { HomePage } from '@/components/site/HomePage';
import { homeMetadata } from '@/components/site/metadata';

export const metadata: Metadata = homeMetadata('zh');

export default function Home() {
  return <HomePage locale="zh" />;
}
