'use client';
/**
 * A code block with Copy, and for shell blocks on a lesson page, "Run in terminal", which types the block into the
 * lab's terminal line by line (a here-document included) exactly as the learner could.
 */
import { useState } from 'react';
import { messages } from '@/lib/content/i18n';
import { useOptionalLab } from '@/components/lab/LabProvider';
import { copyText } from './copy-text';

const shellLanguages = new Set(['sh', 'shell', 'bash', 'console']);

export function CodeBlock({ code, language }: { code: string; language: string | null }) {
  const lab = useOptionalLab();
  const t = lab?.t ?? messages.en;
  const [copied, setCopied] = useState(false);
  const text = code.replace(/\n$/, '');
  const runnable = !!lab && language !== null && shellLanguages.has(language);

  return (
    <figure className="code" data-language={language ?? undefined}>
      <div className="code-bar">
        <span className="code-language">{language === 'sh' ? 'shell' : language}</span>
        <span className="code-actions">
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={async () => {
              if (await copyText(text)) {
                setCopied(true);
                window.setTimeout(() => setCopied(false), 1500);
              }
            }}
          >
            {copied ? t.copied : t.copy}
          </button>
          {runnable && (
            <button
              type="button"
              className="button button-run button-small"
              disabled={lab.status !== 'ready'}
              onClick={() => lab.run(text.split('\n'))}
            >
              <span aria-hidden="true">▶ </span>{t.runInTerminal}
            </button>
          )}
        </span>
        <span className="sr-only" aria-live="polite">{copied ? t.copied : ''}</span>
      </div>
      <pre><code>{text}</code></pre>
    </figure>
  );
}
