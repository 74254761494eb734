import { errorCodeLabels, errorReasonLabels, isErrorCode, isExplainedReason, type ErrorCode, type Locale } from '@pixgate/labels';
import type { CombinedError } from 'urql';
import { clientReasonLabels, isClientReason } from './error-messages';

/** What a screen needs from an API error: its code, reason and details, and words for people. */
export interface ApiProblem {
  code: ErrorCode;
  reason?: string;
  extensions: Record<string, unknown>;
}

export function problemOf(error: CombinedError | undefined | null): ApiProblem | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) {
    const status = error.response instanceof Response ? error.response.status : undefined;
    return { code: status === 429 ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE', extensions: {} };
  }
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const code: ErrorCode = isErrorCode(extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR';
  return { code, reason: typeof extensions.reason === 'string' ? extensions.reason : undefined, extensions };
}

/** A sentence for a person: the client's own explanation of the reason, the shared one, or the code's. */
export function describeProblem(problem: ApiProblem, locale: Locale): string {
  const { reason } = problem;
  if (isClientReason(reason)) return clientReasonLabels[locale][reason](problem.extensions, locale);
  if (isExplainedReason(reason)) return errorReasonLabels[locale][reason];
  return errorCodeLabels[locale][problem.code];
}

export const describeError = (error: CombinedError | undefined | null, locale: Locale): string | null => {
  const problem = problemOf(error);
  return problem && describeProblem(problem, locale);
};
