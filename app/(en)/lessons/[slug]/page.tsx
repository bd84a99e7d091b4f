import type { Metadata } from 'next';
import { LessonPage, lessonMetadata, lessonStaticParams } from '@/components/site/LessonPage';

export const dynamicParams = false;
export const generateStaticParams = lessonStaticParams;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return lessonMetadata('en', (await params).slug);
}

export default async function Lesson({ params }: { params: Promise<{ slug: string }> }) {
  return <LessonPage locale="en" slug={(await params).slug} />;
}
