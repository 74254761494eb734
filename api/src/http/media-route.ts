import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { ImageStatus } from '../shared/domain/image-enums.js';
import { Image } from '../modules/images/image.entity.js';
import type { MediaTokenClaims } from '../modules/images/media-urls.js';
import { User } from '../modules/users/user.entity.js';
import { findById } from '../shared/ids.js';
import { mayHaveRendition } from '../policy/download-policy.js';
import { InvalidTokenError, type UrlTokenSigner } from '../security/signed-token.js';
import type { ObjectStorage } from '../storage/object-storage.js';
import type { RouteGate } from './guarded.js';
import { sendAppError, sendError } from './http-errors.js';

/**
 * `GET /media/<token>`: streams the one rendition a signed token names, if the access module still
 * lets the token's viewer see the image (`image.preview`) and the policy still gives them that
 * rendition (rule 4: a clean one only of an image they keep).
 */
export function mediaRoute(deps: { orm: MikroORM; storage: ObjectStorage; urlTokens: UrlTokenSigner; logger: Logger }) {
  return async (req: Request<{ token: string }>, res: Response, gate: RouteGate): Promise<void> => {
    const em = deps.orm.em.fork();
    let claims: MediaTokenClaims & { exp: number };
    try {
      claims = deps.urlTokens.verify<MediaTokenClaims>('media', req.params.token);
    } catch (error) {
      sendAppError(res, gate.refuseLink(em, error instanceof InvalidTokenError ? error.reason : 'MALFORMED'));
      return;
    }
    // The two reads go out together (a gallery fetches hundreds of these); the access check reads
    // the image's facts, which the rendition decision then shares.
    const [viewer, image] = await Promise.all([findById(em, User, claims.u, { populate: ['customer'] }), findById(em, Image, claims.img)]);
    const { access, outcome } = await gate.check(em, viewer?.active ? { kind: 'user', user: viewer } : null, [claims.img]);
    const facts = outcome === true ? (await access.imageFacts([claims.img])).get(claims.img) : undefined;
    const rendition = facts && mayHaveRendition(access.viewer!, facts, claims.k) && image?.status === ImageStatus.READY ? image.renditions[claims.k] : undefined;
    if (!rendition) {
      sendError(res, 403, 'FORBIDDEN', 'This link is not valid or has expired.', { reason: 'GONE' });
      return;
    }
    const object = await deps.storage.openStream(rendition.key);
    if (!object) {
      deps.logger.error({ imageId: claims.img, kind: claims.k }, 'rendition missing from storage');
      sendError(res, 404, 'NOT_FOUND', 'The file is missing.');
      return;
    }
    const maxAge = Math.max(0, claims.exp - Math.floor(Date.now() / 1000));
    res.status(200);
    res.setHeader('Content-Type', rendition.contentType);
    res.setHeader('Content-Length', String(object.byteSize));
    res.setHeader('Cache-Control', `private, max-age=${maxAge}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    object.body.on('error', (error) => {
      deps.logger.error({ err: error, imageId: claims.img }, 'rendition stream failed');
      res.destroy(error);
    });
    object.body.pipe(res);
  };
}
