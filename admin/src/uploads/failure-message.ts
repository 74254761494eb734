import { messageKeyOf } from '../graphql/errors';
import { isErrorCode } from '../i18n/labels';
import { isUploadReason } from './messages';
import { LOCAL_FAILURE_CODES, type LocalFailureCode, type UploadFailure } from './upload-failure';

export interface FailureText {
  /** i18n key and values of the explanation in the reader's language. */
  key: string;
  values: Record<string, string | number>;
  /** i18n key of the step it failed in ("while verifying"). */
  stepKey: string;
  /** The API's own words, shown too when the back office has no explanation of its own for the reason. */
  serverMessage?: string;
}

const isLocal = (code: string): code is LocalFailureCode => (LOCAL_FAILURE_CODES as readonly string[]).includes(code);

/**
 * How a failed upload is explained: the API's upload reason in words when the back office knows it,
 * else the shared label of its error code (with the API's message beside it, so nothing the API said
 * is lost), else the local failure.
 */
export function failureText(failure: UploadFailure, formatBytes: (bytes: number) => string): FailureText {
  const stepKey = `pixgate.upload.step.${failure.step}`;
  if (isUploadReason(failure.reason)) {
    const maxBytes = failure.details.maxBytes;
    return { key: `pixgate.upload.reason.${failure.reason}`, values: { maxSize: typeof maxBytes === 'number' ? formatBytes(maxBytes) : '?' }, stepKey };
  }
  if (isLocal(failure.code)) return { key: `pixgate.upload.local.${failure.code}`, values: { message: failure.serverMessage ?? failure.code }, stepKey };
  if (isErrorCode(failure.code)) return { key: messageKeyOf(failure.code, failure.reason), values: {}, stepKey, serverMessage: failure.serverMessage ?? failure.reason };
  return { key: 'pixgate.upload.local.UNKNOWN', values: { message: failure.serverMessage ?? failure.code }, stepKey };
}
