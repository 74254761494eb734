import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useId } from 'react';
import { useBlocker, useCanBlock, useTranslate } from 'react-admin';

/**
 * Warns before the page is left while files still need it (waiting or on their way): the browser's
 * own question on reload, close or a typed address (beforeunload), and a dialog of ours on a
 * navigation inside the back office (the router's blocker; the app uses a data router, so it can).
 * Files being processed do not need the page: the API renders them anyway.
 */
export function LeaveGuard({ unsent }: { unsent: number }) {
  const active = unsent > 0;
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
  return useCanBlock() ? <NavigationBlocker unsent={unsent} /> : null;
}

function NavigationBlocker({ unsent }: { unsent: number }) {
  const translate = useTranslate();
  const blocker = useBlocker(unsent > 0);
  const titleId = useId();
  const textId = useId();
  const blocked = blocker.state === 'blocked';
  return (
    <Dialog open={blocked} onClose={() => blocker.reset?.()} aria-labelledby={titleId} aria-describedby={textId}>
      <DialogTitle id={titleId}>{translate('pixgate.upload.leave_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={textId}>{translate('pixgate.upload.leave_text', { smart_count: unsent })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset?.()} variant="contained" autoFocus>
          {translate('pixgate.upload.stay')}
        </Button>
        <Button onClick={() => blocker.proceed?.()} color="error">
          {translate('pixgate.upload.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
