import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Image } from '../modules/images/image.entity.js';
import type { UploadTokenClaims } from '../modules/images/image-upload.service.js';
import { InvalidTokenError, type UrlTokenSigner } from '../security/signed-token.js';
import type { UploadReceiver } from '../modules/images/upload-receiver.js';
import { forbidden, isAppError } from '../shared/errors.js';
import type { RouteGate } from './guarded.js';
import { sendAppError } from './http-errors.js';

/**
 * `PUT /uploads/<token>` in proxied mode: parse the token, ask the access module whether the
 * uploader may still upload into the job (`image.upload`), hand the body to the upload receiver,
 * map its answer.
 */
export function uploadRoute(deps: { orm: MikroORM; urlTokens: UrlTokenSigner; uploads: UploadReceiver }) {
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
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    try {
      await deps.uploads.receive(em, image, { stream: req, contentType, length: Number(req.headers['content-length']) }, { ip: req.ip, requestId: String(req.id) });
    } catch (error) {
      // A client that went away gets no answer; anything else is the receiver's typed refusal. (The
      // request itself is destroyed once its body was read: whether the client is still there is the
      // connection's to say.)
      if (res.headersSent || !res.socket || res.socket.destroyed) return;
      if (isAppError(error)) sendAppError(res, error);
      else throw error;
      return;
    }
    res.status(204).end();
  };
}
