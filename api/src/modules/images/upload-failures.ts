import { badInput } from '../../shared/errors.js';

/** Why an upload was refused: the code stored on the image and returned in `extensions.reason`. */
export type UploadFailureReason =
  | 'SIZE_MISMATCH'
  | 'CHECKSUM_MISMATCH'
  | 'UNSUPPORTED_TYPE'
  | 'TYPE_MISMATCH'
  | 'TOO_MANY_PIXELS'
  | 'CORRUPT'
  | 'ABANDONED'
  /** Renditions could not be made for reasons outside the image (storage, workers); the original is kept and staff can retry. */
  | 'RENDER_FAILED';

const MESSAGES: Record<UploadFailureReason, string> = {
  SIZE_MISMATCH: 'The uploaded file does not have the declared size.',
  CHECKSUM_MISMATCH: 'The uploaded file does not match the declared SHA-256.',
  UNSUPPORTED_TYPE: 'The file is not a JPEG, PNG, WebP or TIFF image.',
  TYPE_MISMATCH: 'The file’s content does not match the declared content type.',
  TOO_MANY_PIXELS: 'The image has too many pixels.',
  CORRUPT: 'The image is damaged and cannot be read.',
  ABANDONED: 'The upload was never completed.',
  RENDER_FAILED: 'The previews could not be made; staff can retry.',
};

export const uploadRejected = (reason: UploadFailureReason, details: Record<string, unknown> = {}) =>
  badInput(MESSAGES[reason], { reason, field: 'file', ...details });
