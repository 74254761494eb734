import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { ImageStatus } from '../shared/domain/image-enums.js';
import { Image } from '../modules/images/image.entity.js';
import type { MediaTokenClaims } from '../modules/images/media-urls.js';
import type { RenditionKind } from '../modules/images/image-processing.js';
import { User } from '../modules/users/user.entity.js';
import { findById } from '../shared/ids.js';
import { canSeeImageFacts, loadImageFacts, renditionVariant } from '../policy/download-policy.js';
import { InvalidTokenError, type UrlTokenSigner } from '../security/signed-token.js';
import type { ObjectStorage } from '../storage/object-storage.js';
import { sendError } from './http-errors.js';

const isWatermarked = (kind: RenditionKind) => kind.endsWith('_watermarked');

/** `GET /media/<token>`: streams the one rendition a signed token names, if the policy still allows it. */
export function mediaRoute(deps: { orm: MikroORM; storage: ObjectStorage; urlTokens: UrlTokenSigner; logger: Logger }) {
  return async (req: Request<{ token: string }>, res: Response): Promise<void> => {
    let claims: MediaTokenClaims & { exp: number };
    try {
      claims = deps.urlTokens.verify<MediaTokenClaims>('media', req.params.token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.reason : 'MALFORMED';
      deps.logger.info({ event: 'media_denied', ip: req.ip, reason }, 'media link refused');
      sendError(res, 403, 'FORBIDDEN', 'This link is not valid or has expired.', { reason });
      return;
    }
    // Rule 3: the same policy again at use. A clean rendition only while the viewer may still
    // download the image; a watermarked one while they may still see it.
    const em = deps.orm.em.fork();
    // One round trip: the three reads go out together (a gallery fetches hundreds of these).
    const [viewer, facts, image] = await Promise.all([
      findById(em, User, claims.u, { populate: ['customer'] }),
      loadImageFacts(em, [claims.img]).then((all) => all.get(claims.img)),
      findById(em, Image, claims.img),
    ]);
    const allowed = viewer?.active && facts && canSeeImageFacts(viewer, facts) && (isWatermarked(claims.k) || renditionVariant(viewer, facts) === 'clean');
    const rendition = allowed && image?.status === ImageStatus.READY ? image.renditions[claims.k] : undefined;
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
