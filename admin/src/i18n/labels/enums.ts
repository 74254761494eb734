import type { AuditSubject, ExtraDecision, ExtraRequestStatus, ImageStatus, JobStatus, SelectionState, UserRole } from '../../gql/graphql';
import type { Labels } from './locales';

/**
 * Labels of the API's enums, typed against the generated schema types: a value added to the schema
 * fails the type check here until both languages name it. No react-admin in this folder, so the
 * customer client can use the same labels.
 */
export const selectionStateLabels = {
  de: { NONE: 'Nicht gewählt', INCLUDED: 'Im Paket', EXTRA_PENDING: 'Extra angefragt', EXTRA_PAID: 'Extra bezahlt', EXTRA_FREE: 'Extra kostenlos', BLOCKED: 'Gesperrt' },
  en: { NONE: 'Not selected', INCLUDED: 'Included', EXTRA_PENDING: 'Extra requested', EXTRA_PAID: 'Extra paid', EXTRA_FREE: 'Extra free', BLOCKED: 'Blocked' },
} satisfies Labels<SelectionState>;

export const imageStatusLabels = {
  de: { PENDING: 'Upload läuft', PROCESSING: 'Wird verarbeitet', READY: 'Bereit', FAILED: 'Fehlgeschlagen' },
  en: { PENDING: 'Uploading', PROCESSING: 'Processing', READY: 'Ready', FAILED: 'Failed' },
} satisfies Labels<ImageStatus>;

export const jobStatusLabels = {
  de: { IN_PROGRESS: 'In Arbeit', DELIVERED: 'Ausgeliefert', ARCHIVED: 'Archiviert' },
  en: { IN_PROGRESS: 'In progress', DELIVERED: 'Delivered', ARCHIVED: 'Archived' },
} satisfies Labels<JobStatus>;

export const userRoleLabels = {
  de: { CUSTOMER: 'Kunde', STAFF: 'Mitarbeiter', ADMIN: 'Administrator' },
  en: { CUSTOMER: 'Customer', STAFF: 'Staff', ADMIN: 'Admin' },
} satisfies Labels<UserRole>;

export const extraRequestStatusLabels = {
  de: { PENDING: 'Offen', PAID: 'Bezahlt genehmigt', FREE: 'Kostenlos genehmigt', INCLUDED: 'Ins Paket übernommen', DECLINED: 'Abgelehnt', WITHDRAWN: 'Zurückgezogen' },
  en: { PENDING: 'Pending', PAID: 'Approved, paid', FREE: 'Approved, free', INCLUDED: 'Taken into the package', DECLINED: 'Declined', WITHDRAWN: 'Withdrawn' },
} satisfies Labels<ExtraRequestStatus>;

export const extraDecisionLabels = {
  de: { PAID: 'Bezahlt genehmigen', FREE: 'Kostenlos genehmigen', DECLINED: 'Ablehnen' },
  en: { PAID: 'Approve paid', FREE: 'Approve free', DECLINED: 'Decline' },
} satisfies Labels<ExtraDecision>;

export const auditSubjectLabels = {
  de: { JOB: 'Auftrag', IMAGE: 'Bild', CUSTOMER: 'Kunde' },
  en: { JOB: 'Job', IMAGE: 'Image', CUSTOMER: 'Customer' },
} satisfies Labels<AuditSubject>;

/**
 * The fields the audit trail names (AuditEntry.field is a string in the schema). A field missing
 * here is shown by its name.
 */
export const AUDITED_FIELDS = ['includedImages', 'allImagesIncluded', 'selectionState', 'selectionLock', 'status', 'plan', 'creditBalance'] as const;
export type AuditedField = (typeof AUDITED_FIELDS)[number];

export const auditFieldLabels = {
  de: { includedImages: 'Paketgröße', allImagesIncluded: 'Alle Bilder freigegeben', selectionState: 'Auswahlstatus', selectionLock: 'Auswahlsperre', status: 'Auftragsstatus', plan: 'Tarif', creditBalance: 'Guthaben' },
  en: { includedImages: 'Package size', allImagesIncluded: 'All images released', selectionState: 'Selection state', selectionLock: 'Selection lock', status: 'Job status', plan: 'Plan', creditBalance: 'Credits' },
} satisfies Labels<AuditedField>;
