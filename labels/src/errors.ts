import type { Labels } from './locales';

/**
 * The codes the API puts in `extensions.code` (api/src/shared/errors.ts, ERROR_CODES; the schema
 * cannot carry them). api/test/error-code-labels.test.ts fails when the two lists differ.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP status each API error code stands for, as the API's own plain routes answer it
 * (api/src/http/http-errors.ts, HTTP_STATUS; the same test compares them). The back office decides
 * by status: 401 signs out, 403 only tells.
 */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

export const errorCodeLabels = {
  de: {
    UNAUTHENTICATED: 'Bitte melden Sie sich an.',
    FORBIDDEN: 'Dazu fehlt Ihnen die Berechtigung.',
    NOT_FOUND: 'Nicht gefunden.',
    BAD_USER_INPUT: 'Die Eingabe ist ungültig.',
    CONFLICT: 'Das passt nicht zum aktuellen Stand. Bitte neu laden.',
    RATE_LIMITED: 'Zu viele Versuche. Bitte warten Sie kurz.',
    QUOTA_EXCEEDED: 'Das Kontingent ist aufgebraucht.',
    SERVICE_UNAVAILABLE: 'Der Dienst ist gerade nicht erreichbar. Bitte später erneut versuchen.',
    INTERNAL_SERVER_ERROR: 'Auf dem Server ist ein Fehler aufgetreten.',
    GRAPHQL_VALIDATION_FAILED: 'Die Anfrage wurde abgelehnt.',
    BAD_REQUEST: 'Die Anfrage ist fehlerhaft.',
    PAYLOAD_TOO_LARGE: 'Die Anfrage ist zu groß.',
    UNSUPPORTED_MEDIA_TYPE: 'Dieses Format wird nicht unterstützt.',
    METHOD_NOT_ALLOWED: 'Diese Aktion ist hier nicht erlaubt.',
  },
  en: {
    UNAUTHENTICATED: 'Please sign in.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'Not found.',
    BAD_USER_INPUT: 'The input is not valid.',
    CONFLICT: 'This does not match the current state. Please reload.',
    RATE_LIMITED: 'Too many attempts. Please wait a moment.',
    QUOTA_EXCEEDED: 'The quota is used up.',
    SERVICE_UNAVAILABLE: 'The service is unavailable right now. Please try again later.',
    INTERNAL_SERVER_ERROR: 'Something went wrong on the server.',
    GRAPHQL_VALIDATION_FAILED: 'The request was refused.',
    BAD_REQUEST: 'The request is malformed.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This format is not supported.',
    METHOD_NOT_ALLOWED: 'This action is not allowed here.',
  },
} satisfies Labels<ErrorCode>;

/**
 * Finer reasons (`extensions.reason`) the back office explains on their own; any other reason falls
 * back to its code's label.
 */
export const EXPLAINED_REASONS = [
  'BELOW_INCLUDED_COUNT',
  'STALE_VERSION',
  'ALREADY_DELIVERED',
  'INVALID_CREDENTIALS',
  'INVALID_LOGIN_CODE',
  'INVALID_SECOND_FACTOR',
  'INVALID_CHALLENGE',
  'EMAIL_TAKEN',
  'INVALID_CHARACTERS',
  'BELOW_ZERO',
] as const;
export type ExplainedReason = (typeof EXPLAINED_REASONS)[number];

export const isExplainedReason = (reason: unknown): reason is ExplainedReason =>
  typeof reason === 'string' && (EXPLAINED_REASONS as readonly string[]).includes(reason);

export const errorReasonLabels = {
  de: {
    BELOW_INCLUDED_COUNT: 'Die Paketgröße kann nicht unter die Zahl der bereits gewählten Bilder sinken.',
    STALE_VERSION: 'Jemand hat den Auftrag inzwischen geändert. Bitte neu laden und erneut versuchen.',
    ALREADY_DELIVERED: 'Das Bild wurde bereits heruntergeladen und ist gesperrt.',
    INVALID_CREDENTIALS: 'E-Mail oder Passwort ist falsch.',
    INVALID_LOGIN_CODE: 'Der Code ist falsch oder abgelaufen.',
    INVALID_SECOND_FACTOR: 'Der Code aus der Authenticator-App ist falsch.',
    INVALID_CHALLENGE: 'Die Anmeldung ist abgelaufen. Bitte erneut beginnen.',
    EMAIL_TAKEN: 'Diese E-Mail-Adresse ist schon vergeben.',
    INVALID_CHARACTERS: 'Die Eingabe enthält unzulässige Zeichen.',
    BELOW_ZERO: 'So viel Guthaben ist nicht da: Es kann nicht unter 0 sinken.',
  },
  en: {
    BELOW_INCLUDED_COUNT: 'The package cannot be smaller than the number of images already included.',
    STALE_VERSION: 'Someone changed the job in the meantime. Reload it and try again.',
    ALREADY_DELIVERED: 'The image has been downloaded already and is locked.',
    INVALID_CREDENTIALS: 'Wrong email or password.',
    INVALID_LOGIN_CODE: 'The code is wrong or has expired.',
    INVALID_SECOND_FACTOR: 'The code from the authenticator app is wrong.',
    INVALID_CHALLENGE: 'The sign-in has expired. Please start again.',
    EMAIL_TAKEN: 'This email address is taken.',
    INVALID_CHARACTERS: 'The input contains characters that are not allowed.',
    BELOW_ZERO: 'There are not that many credits: the balance cannot go below 0.',
  },
} satisfies Labels<ExplainedReason>;
