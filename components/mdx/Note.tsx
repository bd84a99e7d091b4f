/** An aside in the prose: `<Note title="…">`, `<Note kind="warning">`. Server-rendered; no JavaScript. */
export function Note({ kind = 'note', title, children }: {
  kind?: 'note' | 'tip' | 'warning';
  title?: string;
  children: React.ReactNode;
}) {
  const icon = kind === 'warning' ? '!' : kind === 'tip' ? '✦' : 'i';
  return (
    <aside className={`note note-${kind}`}>
      <span className="note-icon" aria-hidden="true">{icon}</span>
      <div className="note-body">
        {title && <p className="note-title">{title}</p>}
        {children}
      </div>
    </aside>
  );
}
