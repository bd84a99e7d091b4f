/**
 * The one place lesson MDX is compiled (STYLE.md §9). mdx-bundler turns `content/lessons/<slug>/lesson.<locale>.mdx`
 * into a code string at build time; components/mdx/MdxContent.tsx evaluates it on the server with the component
 * registry (components/mdx/registry.tsx). Only files from `content/` are compiled, never user input.
 */
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import type { Locale } from './i18n';
import { defaultLessonsDir, LessonLoadError, lessonMdxPath, readLessonMdx } from './lessons.server';

export interface CompiledMdx {
  /** Function body for mdx-bundler's getMDXComponent. */
  code: string;
}

/** Compiles MDX source. `cwd` is the folder relative imports resolve from (STACK-NOTES pitfall 2). */
export async function compileMdx(source: string, cwd: string, fileForErrors: string): Promise<CompiledMdx> {
  try {
    const { code } = await bundleMDX({ source, cwd });
    return { code };
  } catch (error) {
    const shown = path.relative(process.cwd(), fileForErrors) || fileForErrors;
    throw new LessonLoadError(shown, `MDX does not compile: ${(error as Error).message}`);
  }
}

/** Compiles one lesson's prose in one locale. */
export async function compileLessonMdx(slug: string, locale: Locale, dir: string = defaultLessonsDir): Promise<CompiledMdx> {
  const source = await readLessonMdx(slug, locale, dir);
  return compileMdx(source, path.join(dir, slug), lessonMdxPath(slug, locale, dir));
}
