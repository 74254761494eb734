import { Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, Link, TextField, useCreatePath, useTranslate } from 'react-admin';
import type { AuditEntryRecord } from '../dataProvider/audit-entries';
import { AUDITED_FIELDS, type AuditedField } from '../i18n/labels';

const isAuditedField = (field: string): field is AuditedField => (AUDITED_FIELDS as readonly string[]).includes(field);

/** A value as staff read it: selection states and yes/no in words, the rest as stored. */
function useValueLabel() {
  const translate = useTranslate();
  return (field: string, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return translate('pixgate.audit.none');
    if (field === 'selectionState') return translate(`pixgate.enums.SelectionState.${value}`, { _: value });
    if (field === 'status') return translate(`pixgate.enums.JobStatus.${value}`, { _: value });
    if (value === 'true' || value === 'false') return translate(`ra.boolean.${value}`);
    return value;
  };
}

function Change({ entry }: { entry: AuditEntryRecord }) {
  const label = useValueLabel();
  return (
    <span>
      {label(entry.field, entry.oldValue)} → <strong>{label(entry.field, entry.newValue)}</strong>
    </span>
  );
}

function Subject({ entry, showJob }: { entry: AuditEntryRecord; showJob: boolean }) {
  const createPath = useCreatePath();
  return (
    <span>
      {showJob && entry.job ? <Link to={createPath({ resource: 'jobs', id: entry.job.id, type: 'show' })}>{entry.job.title}</Link> : null}
      {showJob && entry.job && entry.image ? ' · ' : null}
      {entry.image ? entry.image.filename : null}
      {!entry.job && !entry.image && entry.customer ? <Link to={createPath({ resource: 'customers', id: entry.customer.id, type: 'show' })}>{entry.customer.name}</Link> : null}
    </span>
  );
}

/** The audit entries of the surrounding list or reference list: when, who, what changed from what to what, and why. */
export function AuditTrail({ showJob = true }: { showJob?: boolean }) {
  const translate = useTranslate();
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography sx={{ p: 2 }}>{translate('pixgate.job.no_audit')}</Typography>}>
      <DateField source="createdAt" showTime sortable={false} />
      <FunctionField
        source="actorName"
        sortable={false}
        render={(entry: AuditEntryRecord) => translate('pixgate.audit.by', { name: entry.actorName, role: translate(`pixgate.enums.UserRole.${entry.actorRole}`) })}
      />
      <FunctionField source="subject" sortable={false} render={(entry: AuditEntryRecord) => <Subject entry={entry} showJob={showJob} />} />
      <FunctionField
        source="field"
        sortable={false}
        render={(entry: AuditEntryRecord) => (isAuditedField(entry.field) ? translate(`pixgate.auditField.${entry.field}`) : entry.field)}
      />
      <FunctionField source="change" sortable={false} render={(entry: AuditEntryRecord) => <Change entry={entry} />} />
      <TextField source="reason" sortable={false} emptyText="—" />
    </Datagrid>
  );
}
