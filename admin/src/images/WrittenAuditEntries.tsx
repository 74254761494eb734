import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { ListContextProvider, ResourceContextProvider, useList, useTranslate } from 'react-admin';
import type { AuditEntryRecord } from '../dataProvider/audit-entries';
import { AuditTrail } from '../shared/AuditTrail';

/** After a bulk change: the audit rows it wrote, one per changed image, until hidden. */
export function WrittenAuditEntries({ entries, onDismiss }: { entries: AuditEntryRecord[]; onDismiss: () => void }) {
  const translate = useTranslate();
  const list = useList({ data: entries, perPage: entries.length || 1 });
  return (
    <Alert
      severity="success"
      variant="outlined"
      role="status"
      sx={{ mb: 2, '& .MuiAlert-message': { width: '100%', overflowX: 'auto' } }}
      action={
        <Button color="inherit" size="small" onClick={onDismiss}>
          {translate('pixgate.images.written.dismiss')}
        </Button>
      }
      data-testid="written-audit-entries"
    >
      <AlertTitle>{translate('pixgate.images.written.title')}</AlertTitle>
      <Box sx={{ bgcolor: 'background.paper' }}>
        <ResourceContextProvider value="auditEntries">
          <ListContextProvider value={list}>
            <AuditTrail showJob={false} />
          </ListContextProvider>
        </ResourceContextProvider>
      </Box>
    </Alert>
  );
}
