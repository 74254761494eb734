import { Alert, Box, Typography } from '@mui/material';
import { Datagrid, DateField, List, TextField, useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { MailOutboxRecord } from '../dataProvider/mail-outbox';

/** The mail's text as sent, as text (never markup). */
function MailText() {
  const mail = useRecordContext<MailOutboxRecord>();
  if (!mail) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'monospace', fontSize: '0.85rem', bgcolor: 'grey.50' }}>
      {mail.text}
    </Box>
  );
}

/** No mail yet; or none ever, because the API sends through SMTP and keeps no outbox. */
function Empty() {
  const { meta } = useListContext();
  const translate = useTranslate();
  if (meta?.outboxDisabled) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        {translate('pixgate.outbox.disabled')}
      </Alert>
    );
  }
  return <Typography sx={{ p: 2 }}>{translate('pixgate.outbox.empty')}</Typography>;
}

/** Mail the API kept instead of sending (development), newest first; a row opens to show the text. */
export function MailOutboxList() {
  return (
    <List perPage={25} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<Empty />}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<MailText />}>
        <DateField source="createdAt" showTime sortable={false} />
        <TextField source="to" sortable={false} />
        <TextField source="subject" sortable={false} />
      </Datagrid>
    </List>
  );
}
