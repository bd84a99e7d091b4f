/**
 * The one registry of components lesson MDX can use (STYLE.md §9), plus the Markdown elements it restyles.
 * Server module: client components are referenced, not bundled, by the MDX render.
 */
import type { MDXContentProps } from 'mdx-bundler/client';
import { Exercise } from '@/components/lab/Exercise';
import { Terminal } from '@/components/lab/Terminal';
import { CodeBlock } from './CodeBlock';
import { Command } from './Command';
import { Note } from './Note';
import type { MdxComponentName } from './names';

type Components = NonNullable<MDXContentProps['components']>;

/** A fenced block arrives as <pre><code className="language-sh">…</code></pre>; hand its text to CodeBlock. */
function Pre({ children }: { children?: React.ReactNode }) {
  const code = children as React.ReactElement<{ className?: string; children?: React.ReactNode }> | undefined;
  const className = code?.props?.className ?? '';
  const language = /language-(\S+)/.exec(className)?.[1] ?? null;
  const text = typeof code?.props?.children === 'string' ? code.props.children : String(code?.props?.children ?? '');
  return <CodeBlock code={text} language={language} />;
}

const lessonComponents = { Terminal, Exercise, Note, Command } satisfies Record<MdxComponentName, unknown>;

export const mdxComponents: Components = {
  ...lessonComponents,
  pre: Pre,
} as Components;
