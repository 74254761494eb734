import type { AuditSubject, ExtraDecision, ExtraRequestStatus, ImageStatus, JobStatus, ModelUnavailableReason, NotificationKind, SecurityEventType, SelectionState, UserRole } from './schema-types';
import type { Labels } from './locales';

/**
 * Labels of the API's enums, typed against the generated schema types: a value added to the schema
 * fails the type check here until both languages name it. Shared by the back office and the
 * customer client, so neither app has its own copy.
 */
export const selectionStateLabels = {
  de: { NONE: 'Nicht gewählt', INCLUDED: 'Im Paket', EXTRA_PENDING: 'Extra angefragt', EXTRA_PAID: 'Extra bezahlt', EXTRA_FREE: 'Extra kostenlos', BLOCKED: 'Gesperrt' },
  en: { NONE: 'Not selected', INCLUDED: 'Included', EXTRA_PENDING: 'Extra requested', EXTRA_PAID: 'Extra paid', EXTRA_FREE: 'Extra free', BLOCKED: 'Blocked' },
} satisfies Labels<SelectionState>;

export const imageStatusLabels = {
  de: { PENDING: 'Upload läuft', PROCESSING: 'Wird verarbeitet', READY: 'Bereit', FAILED: 'Fehlgeschlagen', REMOVED: 'Entfernt' },
  en: { PENDING: 'Uploading', PROCESSING: 'Processing', READY: 'Ready', FAILED: 'Failed', REMOVED: 'Removed' },
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

export const securityEventTypeLabels = {
  de: {
    LOGIN_FAILED: 'Anmeldung fehlgeschlagen',
    RATE_LIMITED: 'Limit überschritten',
    ACCESS_DENIED: 'Zugriff verweigert',
    DOWNLOAD_DENIED: 'Download verweigert',
    UPLOAD_FAILED: 'Upload fehlgeschlagen',
    CORS_REFUSED: 'Fremde Herkunft abgewiesen (CORS)',
  },
  en: {
    LOGIN_FAILED: 'Sign-in failed',
    RATE_LIMITED: 'Rate limit hit',
    ACCESS_DENIED: 'Access denied',
    DOWNLOAD_DENIED: 'Download denied',
    UPLOAD_FAILED: 'Upload failed',
    CORS_REFUSED: 'Foreign origin refused (CORS)',
  },
} satisfies Labels<SecurityEventType>;

export const auditSubjectLabels = {
  de: { JOB: 'Auftrag', IMAGE: 'Bild', CUSTOMER: 'Kunde', USER: 'Benutzer' },
  en: { JOB: 'Job', IMAGE: 'Image', CUSTOMER: 'Customer', USER: 'User' },
} satisfies Labels<AuditSubject>;

/**
 * The fields the audit trail names (AuditEntry.field is a string in the schema). A field missing
 * here is shown by its name.
 */
export const AUDITED_FIELDS = [
  'includedImages',
  'allImagesIncluded',
  'selectionState',
  'selectionLock',
  'status',
  'plan',
  'creditBalance',
  'role',
  'customer',
  'active',
  'secondFactor',
  'password',
] as const;
export type AuditedField = (typeof AUDITED_FIELDS)[number];

export const auditFieldLabels = {
  de: {
    includedImages: 'Paketgröße',
    allImagesIncluded: 'Alle Bilder freigegeben',
    selectionState: 'Auswahlstatus',
    selectionLock: 'Auswahlsperre',
    status: 'Status',
    plan: 'Tarif',
    creditBalance: 'Guthaben',
    role: 'Rolle',
    customer: 'Kunde des Benutzers',
    active: 'Aktiv',
    secondFactor: 'Zweiter Faktor',
    password: 'Passwort',
  },
  en: {
    includedImages: 'Package size',
    allImagesIncluded: 'All images released',
    selectionState: 'Selection state',
    selectionLock: 'Selection lock',
    status: 'Status',
    plan: 'Plan',
    creditBalance: 'Credits',
    role: 'Role',
    customer: 'User’s customer',
    active: 'Active',
    secondFactor: 'Second factor',
    password: 'Password',
  },
} satisfies Labels<AuditedField>;

/** Why a customer's plan does not let them start an enhancement model now (the client says so beside the model). */
export const modelUnavailableReasonLabels = {
  de: {
    FACE_ENHANCE_NOT_IN_PLAN: 'Gesichtsverbesserung ist in Ihrem Tarif nicht enthalten.',
    UPSCALE_NOT_IN_PLAN: 'So stark vergrößern erlaubt Ihr Tarif nicht.',
    QUOTA_USED_UP: 'Ihr Kontingent ist aufgebraucht.',
  },
  en: {
    FACE_ENHANCE_NOT_IN_PLAN: 'Face enhancement is not part of your plan.',
    UPSCALE_NOT_IN_PLAN: 'Your plan does not allow enlarging this much.',
    QUOTA_USED_UP: 'Your allowance is used up.',
  },
} satisfies Labels<ModelUnavailableReason>;

/** The notification mails a user can switch off (each app lists those of its users' role). */
export const notificationKindLabels = {
  de: {
    JOB_DELIVERED: 'Ein Auftrag wurde an mich geliefert',
    EXTRA_DECIDED: 'Das Studio hat über meine Extra-Anfragen entschieden',
    EXTRAS_REQUESTED: 'Kunden haben Extras angefragt',
  },
  en: {
    JOB_DELIVERED: 'A job was delivered to me',
    EXTRA_DECIDED: 'The studio decided on my requests for extras',
    EXTRAS_REQUESTED: 'Customers asked for extras',
  },
} satisfies Labels<NotificationKind>;
