import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { isApiError } from '../graphql/errors';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** What the action does, in a sentence. */
  help?: string;
  /** Inputs of the action itself (a new size, a state), controlled by the caller. */
  children?: ReactNode;
  confirmDisabled?: boolean;
  /** The reason field's label and help when the text is more than an audit reason (a note to the customer). */
  reasonLabel?: string;
  reasonHelp?: string;
  onClose: () => void;
  /** Runs the audited action with the reason; a rejection is shown in the dialog. */
  onConfirm: (reason: string) => Promise<void>;
}

/**
 * The one dialog of every audited action: the API takes the reason as optional, the back office
 * requires it. A refusal stays in the dialog, explained; a CONFLICT (someone changed the job
 * meanwhile) offers to reload before trying again.
 */
export function ReasonDialog({ open, title, confirmLabel, help, children, confirmDisabled, reasonLabel, reasonHelp, onClose, onConfirm }: ReasonDialogProps) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';

  const close = () => {
    setReason('');
    setError(null);
    setTouched(false);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const conflict = isApiError(error) && error.body.code === 'CONFLICT';
  return (
    <Dialog open={open} onClose={busy ? undefined : close} fullWidth maxWidth="sm" aria-labelledby="reason-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reason-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {help ? <DialogContentText>{help}</DialogContentText> : null}
            {children}
            <TextField
              label={reasonLabel ?? translate('pixgate.reason.label')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              onBlur={() => setTouched(true)}
              required
              multiline
              minRows={2}
              error={touched && missing}
              helperText={touched && missing ? translate('pixgate.reason.required') : (reasonHelp ?? translate('pixgate.reason.help'))}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            {error ? (
              <Alert
                severity="error"
                role="alert"
                action={
                  conflict ? (
                    <Button color="inherit" size="small" onClick={() => (refresh(), close())}>
                      {translate('pixgate.reason.reload')}
                    </Button>
                  ) : undefined
                }
              >
                {translate(error instanceof Error ? error.message : 'ra.notification.http_error', { _: translate('ra.notification.http_error') })}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || confirmDisabled}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
