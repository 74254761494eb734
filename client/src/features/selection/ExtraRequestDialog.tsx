import { useId, useState } from 'react';
import { Dialog } from '../../app/Dialog';
import { useMessages } from '../../i18n/i18n';
import { selectionMessages } from './messages';

/** Going beyond the package: a request for an extra, with an optional note for the studio. */
export function ExtraRequestDialog(props: { packageSize: number; busy: boolean; onCancel(): void; onSend(note: string): void }) {
  const t = useMessages(selectionMessages).extraDialog;
  const [note, setNote] = useState('');
  const noteId = useId();
  return (
    <Dialog title={t.title} onClose={props.onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSend(note.trim());
        }}
      >
        <p>{t.text(props.packageSize)}</p>
        <label className="field" htmlFor={noteId}>
          <span>{t.note}</span>
        </label>
        <textarea id={noteId} name="note" maxLength={1000} rows={3} value={note} placeholder={t.notePlaceholder} onChange={(event) => setNote(event.target.value)} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={props.busy}>
            {t.send}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
