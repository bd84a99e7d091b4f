'use client';
/**
 * The lesson's terminal: an xterm.js widget wired to the lab's TerminalIO. xterm is imported inside an effect, so it
 * is not part of the page's first-load JS; until it arrives a placeholder of the same size holds its place.
 * Docked beside the prose on wide screens (CSS), in the flow on narrow ones.
 */
import '@xterm/xterm/css/xterm.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Terminal as XTerm } from '@xterm/xterm';
import type { Lab } from '@/lib/lab-types';
import { useLab, useLabNow } from './LabProvider';
import { readPrefs, usePrefs, writePrefs } from './storage';
import { ResetLabButton } from './ResetLabButton';

const theme = {
  background: '#0f1419',
  foreground: '#d8dee9',
  cursor: '#8bd5a0',
  cursorAccent: '#0f1419',
  selectionBackground: '#3b4a5e',
  black: '#1c2430', red: '#f07178', green: '#8bd5a0', yellow: '#e6c07b',
  blue: '#7fb4ff', magenta: '#c792ea', cyan: '#7fd6e0', white: '#d8dee9',
  brightBlack: '#6b7788', brightRed: '#ff8f95', brightGreen: '#a9e5b9', brightYellow: '#f2d39b',
  brightBlue: '#a3c9ff', brightMagenta: '#dcb2f5', brightCyan: '#a6e7ee', brightWhite: '#ffffff',
};

const fontFamily = 'ui-monospace, "SFMono-Regular", "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

/** Labs whose banner has been written: start() is called once per lab, even if React re-runs an effect. */
const startedLabs = new WeakSet<Lab>();

function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** The simulated time of day; re-renders on every tick, so it is its own small component. */
function ClusterClock({ lab, label }: { lab: Lab | null; label: string }) {
  const now = useLabNow(lab);
  if (now === null) return null;
  return (
    <span className="terminal-clock" title={label}>
      <span className="sr-only">{label}: </span>
      <time>{formatClock(now)}</time>
    </span>
  );
}

export function Terminal() {
  const { t, lab, status, restoreFailed, attachTerminal } = useLab();
  const screenRef = useRef<HTMLDivElement>(null);
  const [term, setTerm] = useState<XTerm | null>(null);
  const termRef = useRef<XTerm | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const screenReaderMode = usePrefs()?.screenReaderMode ?? true;
  const wiredLab = useRef<Lab | null>(null);
  const hintId = useId();

  // Create the widget once.
  useEffect(() => {
    let disposed = false;
    let created: XTerm | undefined;
    let observer: ResizeObserver | undefined;
    Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')])
      .then(([{ Terminal: XTermClass }, { FitAddon }]) => {
        const host = screenRef.current;
        if (disposed || !host) return;
        created = new XTermClass({
          fontFamily, fontSize: 13, lineHeight: 1.2, theme, cursorBlink: true, scrollback: 5000,
          screenReaderMode: readPrefs().screenReaderMode,
        });
        const fit = new FitAddon();
        created.loadAddon(fit);
        created.open(host);
        // Tab belongs to the shell; Shift+Tab, or Esc then Tab, leaves the terminal (no keyboard trap).
        let escapePressed = false;
        created.attachCustomKeyEventHandler((event) => {
          if (event.type !== 'keydown') return true;
          if (event.key === 'Tab' && (event.shiftKey || escapePressed)) {
            escapePressed = false;
            return false;
          }
          escapePressed = event.key === 'Escape';
          return true;
        });
        created.textarea?.setAttribute('aria-describedby', hintId);
        const refit = () => {
          try {
            fit.fit();
          } catch {
            // not laid out yet (display: none); the next resize fits it
          }
        };
        refit();
        observer = new ResizeObserver(refit);
        observer.observe(host);
        termRef.current = created;
        setTerm(created);
      })
      .catch((error: unknown) => {
        console.error('PodLab: the terminal widget could not load.', error);
        if (!disposed) setLoadFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      created?.dispose();
      termRef.current = null;
      setTerm(null);
    };
  }, [hintId]);

  // Wire the widget to the lab (again after a reset).
  useEffect(() => {
    if (!term || !lab) return;
    if (wiredLab.current && wiredLab.current !== lab) term.reset();
    wiredLab.current = lab;
    const offOutput = lab.terminal.onOutput((data) => term.write(data));
    const onData = term.onData((data) => lab.terminal.feed(data));
    const onResize = term.onResize(({ cols }) => lab.terminal.resize(cols));
    lab.terminal.resize(term.cols);
    if (!startedLabs.has(lab)) {
      startedLabs.add(lab);
      lab.terminal.start();
    }
    attachTerminal({ focus: () => term.focus() });
    return () => {
      attachTerminal(null);
      offOutput();
      onData.dispose();
      onResize.dispose();
    };
  }, [term, lab, attachTerminal]);

  useEffect(() => {
    const widget = termRef.current;
    if (widget) widget.options.screenReaderMode = screenReaderMode;
  }, [term, screenReaderMode]);

  const toggleScreenReaderMode = useCallback((on: boolean) => writePrefs({ ...readPrefs(), screenReaderMode: on }), []);

  const failed = status === 'error' || loadFailed;
  const ready = !!term && !!lab && !failed;

  return (
    <section className="terminal-dock" aria-label={t.terminal} data-ready={ready ? 'true' : 'false'}>
      <div className="terminal-bar">
        <span className="terminal-title" aria-hidden="true">
          <span className="terminal-dots"><i /><i /><i /></span>
          {t.terminal}
        </span>
        <ClusterClock lab={lab} label={t.clusterTime} />
        <label className="terminal-toggle">
          <input
            type="checkbox"
            checked={screenReaderMode}
            onChange={(e) => toggleScreenReaderMode(e.target.checked)}
          />
          {t.screenReaderMode}
        </label>
        <ResetLabButton />
      </div>
      {restoreFailed && <p className="terminal-notice" role="status">{t.restoreFailed}</p>}
      <div className="terminal-screen">
        <div ref={screenRef} className="terminal-xterm" data-testid="terminal" />
        {!ready && (
          <div className="terminal-placeholder" role="status">
            {failed ? t.terminalError : t.terminalLoading}
          </div>
        )}
      </div>
      <p id={hintId} className="terminal-hint">{t.terminalHint}</p>
    </section>
  );
}
