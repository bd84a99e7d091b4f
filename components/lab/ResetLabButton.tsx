'use client';
/** "Reset lab", confirmed in a modal dialog: the cluster, files and history go; progress stays. */
import { useId, useRef } from 'react';
import { useLab } from './LabProvider';

export function ResetLabButton() {
  const { t, reset, status } = useLab();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small"
        disabled={status !== 'ready'}
        onClick={() => dialogRef.current?.showModal()}
      >
        {t.resetLab}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
        <form method="dialog" onSubmit={(e) => {
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value === 'reset') reset();
        }}>
          <h2 id={titleId}>{t.resetTitle}</h2>
          <p id={bodyId}>{t.resetBody}</p>
          <div className="dialog-actions">
            <button type="submit" value="cancel" className="button button-ghost" autoFocus>{t.cancel}</button>
            <button type="submit" value="reset" className="button button-danger">{t.resetConfirm}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}
