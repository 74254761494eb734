import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { ImageStatus } from '../modules/images/image-enums.js';
import { Image } from '../modules/images/image.entity.js';
import type { UploadTokenClaims } from '../modules/images/image-upload.service.js';
import { InvalidTokenError, type UrlTokenSigner } from '../security/signed-token.js';
import type { ObjectStorage } from '../storage/object-storage.js';
import { sendError } from './http-errors.js';

/**
 * `PUT /uploads/<token>` in proxied mode: the API checks its own token and streams the body to the
 * upload key, enforcing what the client declared (like the signed headers of a presigned S3 PUT).
 */
export function uploadRoute(deps: { orm: MikroORM; storage: ObjectStorage; urlTokens: UrlTokenSigner; logger: Logger }) {
  return async (req: Request<{ token: string }>, res: Response): Promise<void> => {
    let claims: UploadTokenClaims;
    try {
      claims = deps.urlTokens.verify<UploadTokenClaims>('upload', req.params.token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.reason : 'MALFORMED';
      deps.logger.warn({ event: 'upload_denied', ip: req.ip, reason }, 'upload with invalid token');
      sendError(res, 403, 'FORBIDDEN', 'This upload link is not valid.', { reason });
      return;
    }
    const em = deps.orm.em.fork();
    const image = await em.findOne(Image, { id: claims.img }, { populate: ['uploadedBy'] });
    if (!image || image.status !== ImageStatus.PENDING) {
      deps.logger.warn({ event: 'upload_denied', ip: req.ip, imageId: claims.img, reason: 'NOT_PENDING' }, 'upload to a closed image');
      sendError(res, 409, 'CONFLICT', 'This upload is closed.', { reason: 'UPLOAD_CLOSED' });
      return;
    }
    const logContext = { imageId: image.id, userId: image.uploadedBy?.id, ip: req.ip };
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== image.declaredContentType) {
      deps.logger.warn({ event: 'upload_failed', ...logContext, reason: 'CONTENT_TYPE_HEADER', contentType }, 'upload refused');
      sendError(res, 400, 'BAD_USER_INPUT', `Send the header Content-Type: ${image.declaredContentType}.`, { reason: 'CONTENT_TYPE_HEADER' });
      return;
    }
    const length = Number(req.headers['content-length']);
    if (!Number.isSafeInteger(length) || length !== image.byteSize) {
      deps.logger.warn({ event: 'upload_failed', ...logContext, reason: 'SIZE_MISMATCH', length }, 'upload refused');
      const status = length > image.byteSize ? 413 : 400;
      sendError(res, status, 'BAD_USER_INPUT', `Content-Length must be exactly the declared ${image.byteSize} bytes.`, { reason: 'SIZE_MISMATCH' });
      return;
    }
    try {
      await deps.storage.put(image.uploadKey, req, { contentType, byteSize: length });
    } catch (error) {
      deps.logger.warn({ event: 'upload_aborted', ...logContext, err: error }, 'upload did not finish');
      if (!res.headersSent && !req.destroyed) sendError(res, 400, 'BAD_USER_INPUT', 'The upload did not finish.', { reason: 'UPLOAD_ABORTED' });
      return;
    }
    res.status(204).end();
  };
}
