import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { ImageStatus } from '../shared/domain/image-enums.js';
import { Image } from '../modules/images/image.entity.js';
import type { UploadTokenClaims } from '../modules/images/image-upload.service.js';
import { InvalidTokenError, type UrlTokenSigner } from '../security/signed-token.js';
import type { ObjectStorage } from '../storage/object-storage.js';
import { SecurityEventType, type SecurityEvents } from '../modules/security-events/security-events.service.js';
import { forbidden } from '../shared/errors.js';
import type { RouteGate } from './guarded.js';
import { sendAppError, sendError } from './http-errors.js';

/**
 * `PUT /uploads/<token>` in proxied mode: the API checks its own token, asks the access module
 * whether the uploader may still upload into the job (`image.upload`), and streams the body to the
 * upload key, enforcing what the client declared (like the signed headers of a presigned S3 PUT).
 */
export function uploadRoute(deps: { orm: MikroORM; storage: ObjectStorage; urlTokens: UrlTokenSigner; logger: Logger; securityEvents: SecurityEvents }) {
  return async (req: Request<{ token: string }>, res: Response, gate: RouteGate): Promise<void> => {
    const em = deps.orm.em.fork();
    let claims: UploadTokenClaims;
    try {
      claims = deps.urlTokens.verify<UploadTokenClaims>('upload', req.params.token);
    } catch (error) {
      sendAppError(res, gate.refuseLink(em, error instanceof InvalidTokenError ? error.reason : 'MALFORMED', 'This upload link is not valid.'));
      return;
    }
    const image = await em.findOne(Image, { id: claims.img }, { populate: ['uploadedBy', 'uploadedBy.customer'] });
    // The uploader may still upload into the job (deactivated, moved, or the job closed to customer uploads since).
    const uploader = image?.uploadedBy?.active ? image.uploadedBy : null;
    const { outcome } = await gate.check(em, uploader ? { kind: 'user', user: uploader } : null, image ? [image.job.id] : []);
    if (!image || outcome !== true) {
      sendAppError(res, outcome === true || outcome.code === 'UNAUTHENTICATED' ? forbidden('This upload link is not valid.', { reason: 'UPLOADER_REFUSED' }) : outcome);
      return;
    }
    if (image.status !== ImageStatus.PENDING) {
      deps.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { ip: req.ip, requestId: String(req.id), details: { reason: 'UPLOAD_CLOSED', imageId: claims.img } });
      sendError(res, 409, 'CONFLICT', 'This upload is closed.', { reason: 'UPLOAD_CLOSED' });
      return;
    }
    const logContext = { userId: image.uploadedBy?.id, ip: req.ip, requestId: String(req.id) };
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== image.declaredContentType) {
      deps.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { ...logContext, details: { reason: 'CONTENT_TYPE_HEADER', imageId: image.id, contentType } });
      sendError(res, 400, 'BAD_USER_INPUT', `Send the header Content-Type: ${image.declaredContentType}.`, { reason: 'CONTENT_TYPE_HEADER' });
      return;
    }
    const length = Number(req.headers['content-length']);
    if (!Number.isSafeInteger(length) || length !== image.byteSize) {
      deps.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { ...logContext, details: { reason: 'SIZE_MISMATCH', imageId: image.id, length } });
      const status = length > image.byteSize ? 413 : 400;
      sendError(res, status, 'BAD_USER_INPUT', `Content-Length must be exactly the declared ${image.byteSize} bytes.`, { reason: 'SIZE_MISMATCH' });
      return;
    }
    try {
      await deps.storage.put(image.uploadKey, req, { contentType, byteSize: length });
    } catch (error) {
      deps.logger.debug({ err: error }, 'upload stream error');
      deps.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { ...logContext, details: { reason: 'UPLOAD_ABORTED', imageId: image.id } });
      if (!res.headersSent && !req.destroyed) sendError(res, 400, 'BAD_USER_INPUT', 'The upload did not finish.', { reason: 'UPLOAD_ABORTED' });
      return;
    }
    res.status(204).end();
  };
}
