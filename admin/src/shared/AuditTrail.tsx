import { Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, Link, TextField, useCreatePath, useGetList, useGetManyAggregate, useResourceDefinition, useTranslate } from 'react-admin';
import type { AuditEntryRecord } from '../dataProvider/audit-entries';
import { AUDITED_FIELDS, type AuditedField } from '../i18n/labels';

const isAuditedField = (field: string): field is AuditedField => (AUDITED_FIELDS as readonly string[]).includes(field);

/** A value as staff read it: states, roles and yes/no in words, the rest as stored. */
function useValueLabel() {
  const translate = useTranslate();
  return (field: string, value: string, subject: string) => {
    if (field === 'selectionState') return translate(`pixgate.enums.SelectionState.${value}`, { _: value });
    if (field === 'selectionLock') return translate(`pixgate.auditValue.selectionLock.${value}`, { _: value });
    // A job's status, or an image's (its removal: READY → REMOVED, or DELETED with its files).
    if (field === 'status' && subject === 'IMAGE') return translate(`pixgate.enums.ImageStatus.${value}`, { _: translate(`pixgate.auditValue.imageStatus.${value}`, { _: value }) });
    if (field === 'status') return translate(`pixgate.enums.JobStatus.${value}`, { _: value });
    if (field === 'role') return translate(`pixgate.enums.UserRole.${value}`, { _: value });
    if (field === 'secondFactor') return translate(`pixgate.auditValue.secondFactor.${value}`, { _: value });
    if (value === 'true' || value === 'false') return translate(`ra.boolean.${value}`);
    return value;
  };
}

/** A user's customer is recorded by id: named and linked (lookups of all rows' customers go out as one request). */
function CustomerValue({ id }: { id: string }) {
  const createPath = useCreatePath();
  const { data } = useGetManyAggregate<{ id: string; name: string }>('customers', { ids: [id] });
  const customer = data?.[0];
  return <Link to={createPath({ resource: 'customers', id, type: 'show' })}>{customer?.name ?? id}</Link>;
}

/** A plan is recorded by its key (free, standard, studio): shown by its name. */
function PlanValue({ planKey }: { planKey: string }) {
  const { data } = useGetList<{ id: string; key: string; name: string }>('plans', { pagination: { page: 1, perPage: 100 } }, { staleTime: 5 * 60_000 });
  return <>{data?.find((plan) => plan.key === planKey)?.name ?? planKey}</>;
}

function Value({ field, value, subject }: { field: string; value: string | null | undefined; subject: string }) {
  const label = useValueLabel();
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return <>{translate('pixgate.audit.none')}</>;
  if (field === 'customer') return <CustomerValue id={value} />;
  if (field === 'plan') return <PlanValue planKey={value} />;
  return <>{label(field, value, subject)}</>;
}

function Change({ entry }: { entry: AuditEntryRecord }) {
  return (
    <span>
      <Value field={entry.field} value={entry.oldValue} subject={entry.subject} /> →{' '}
      <strong>
        <Value field={entry.field} value={entry.newValue} subject={entry.subject} />
      </strong>
    </span>
  );
}

/** The image's own page when the back office has one, else its name. */
function ImageName({ image }: { image: NonNullable<AuditEntryRecord['image']> }) {
  const createPath = useCreatePath();
  const images = useResourceDefinition({ resource: 'images' });
  return images.hasShow ? <Link to={createPath({ resource: 'images', id: image.id, type: 'show' })}>{image.filename}</Link> : <>{image.filename}</>;
}

function Subject({ entry, showJob, showCustomer, showUser }: { entry: AuditEntryRecord; showJob: boolean; showCustomer: boolean; showUser: boolean }) {
  const createPath = useCreatePath();
  const parts = [
    showUser && entry.user ? <Link key="user" to={createPath({ resource: 'users', id: entry.user.id, type: 'show' })}>{entry.user.name}</Link> : null,
    showCustomer && entry.customer ? <Link key="customer" to={createPath({ resource: 'customers', id: entry.customer.id, type: 'show' })}>{entry.customer.name}</Link> : null,
    showJob && entry.job ? <Link key="job" to={createPath({ resource: 'jobs', id: entry.job.id, type: 'show' })}>{entry.job.title}</Link> : null,
    entry.image ? <ImageName key="image" image={entry.image} /> : null,
  ].filter((part) => part !== null);
  return <span>{parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part]))}</span>;
}

/** Who, as they were then (name and role are snapshots), linked to the user's page while the user exists. */
function Actor({ entry }: { entry: AuditEntryRecord }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  // Users are never deleted, so no actor means a command on the server did it.
  if (!entry.actor) return <>{translate('pixgate.audit.by_command', { name: entry.actorName })}</>;
  const text = translate('pixgate.audit.by', { name: entry.actorName, role: translate(`pixgate.enums.UserRole.${entry.actorRole}`) });
  return <Link to={createPath({ resource: 'users', id: entry.actor.id, type: 'show' })}>{text}</Link>;
}

interface AuditTrailProps {
  /** The job's title in the subject (not on the job's own page). */
  showJob?: boolean;
  /** The customer in the subject: everywhere but on the customer's page (a plan or credit change names it always). */
  showCustomer?: boolean;
  /** Who did it (not on a user's list of their own changes). */
  showActor?: boolean;
  /** The user changed, for user administration (not on that user's page). */
  showUser?: boolean;
  /** The subject column (not where every entry is about the page's own record). */
  showSubject?: boolean;
}

/**
 * The audit entries of the surrounding list or reference list: when, who, what changed from what to
 * what, and why; the subject and the actor link to their pages. The API sorts by time only.
 */
export function AuditTrail({ showJob = true, showCustomer = false, showActor = true, showUser = true, showSubject = true }: AuditTrailProps) {
  const translate = useTranslate();
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography sx={{ p: 2 }}>{translate('pixgate.job.no_audit')}</Typography>}>
      <DateField source="createdAt" showTime />
      {showActor ? <FunctionField source="actorName" sortable={false} render={(entry: AuditEntryRecord) => <Actor entry={entry} />} /> : null}
      {showSubject ? (
        <FunctionField
          source="subject"
          sortable={false}
          render={(entry: AuditEntryRecord) => <Subject entry={entry} showJob={showJob} showUser={showUser} showCustomer={showCustomer || (!entry.job && !entry.image && !entry.user)} />}
        />
      ) : null}
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
