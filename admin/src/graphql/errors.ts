import type { CombinedError } from '@urql/core';
import { HttpError } from 'react-admin';
import { HTTP_STATUS_OF, isErrorCode, isExplainedReason, type ErrorCode } from '../i18n/labels';

/** What an API error keeps for the screens: its code, its reason and every extension (currentVersion, retryAfterSeconds, …). */
export interface ApiErrorBody {
  code: ErrorCode;
  reason?: string;
  extensions: Record<string, unknown>;
  /** The server's own (English) message, for the console and bug reports. */
  serverMessage: string;
  /** Per form field, for react-admin's server-side validation. */
  errors?: Record<string, string>;
}

export type ApiError = HttpError & { body: ApiErrorBody };

/** The i18n key that explains an error: its reason's when the back office explains it, else its code's. */
export const messageKeyOf = (code: ErrorCode, reason?: unknown) =>
  isExplainedReason(reason) ? `pixgate.errors.reason.${reason}` : `pixgate.errors.code.${code}`;

/** An urql error as a react-admin HttpError: the message is an i18n key, the body keeps the details. */
export function toApiError(error: CombinedError): ApiError {
  const first = error.graphQLErrors[0];
  if (!first) return unreachable(error.response instanceof Response ? error.response.status : undefined, error.message);
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const code: ErrorCode = isErrorCode(extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  const message = messageKeyOf(code, reason);
  const field = code === 'BAD_USER_INPUT' && typeof extensions.field === 'string' ? extensions.field : undefined;
  const body: ApiErrorBody = { code, reason, extensions, serverMessage: first.message, errors: field ? { [field]: message } : undefined };
  return new HttpError(message, HTTP_STATUS_OF[code], body) as ApiError;
}

/** No GraphQL answer at all: the network, a proxy, or the API is down. */
export function unreachable(status: number | undefined, serverMessage: string): ApiError {
  const code: ErrorCode = status === 429 ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE';
  return new HttpError(messageKeyOf(code), status && status >= 400 ? status : 503, { code, extensions: {}, serverMessage }) as ApiError;
}

export const isApiError = (error: unknown): error is ApiError =>
  error instanceof HttpError && typeof (error.body as ApiErrorBody | undefined)?.code === 'string';
