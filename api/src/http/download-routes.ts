import type { Request, Response } from 'express';
import { DeliveryPath } from '../modules/downloads/delivery.entity.js';
import { DownloadDenied, downloadName, toForbidden, type ArchiveTicketClaims, type ImageTicketClaims } from '../modules/downloads/download.service.js';
import { streamZip, ZipStreamError } from '../modules/downloads/zip-stream.js';
import { isAppError } from '../graphql/errors.js';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import { InvalidTokenError, type TokenPurpose } from '../security/signed-token.js';
import type { Services } from '../services.js';
import { contentDisposition } from '../storage/object-storage.js';
import { sendError } from './http-errors.js';

/** Presigned S3 GETs behind a download redirect live only long enough to be followed. */
const REDIRECT_TTL_SECONDS = 60;

/**
 * `GET /downloads/images/<ticket>` and `GET /downloads/archive/<ticket>`: verify the ticket, reload
 * the user, run the download policy again, then serve the bytes. Every refusal is a 403 with a JSON
 * body and a log line.
 */
export function downloadRoutes(services: Services) {
  const { downloads, storage, logger } = services;

  /** Claims of a valid ticket, or a 403 already sent. */
  const claimsOf = <T extends object>(purpose: TokenPurpose, req: Request<{ ticket: string }>, res: Response): T | null => {
    try {
      return services.urlTokens.verify<T>(purpose, req.params.ticket);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.reason : 'MALFORMED';
      services.securityEvents.record(SecurityEventType.DOWNLOAD_DENIED, { ip: req.ip, requestId: String(req.id), details: { reason: `TICKET_${reason}`, via: purpose } });
      sendError(res, 403, 'FORBIDDEN', 'This download link is not valid or has expired.', { reason: reason === 'EXPIRED' ? 'EXPIRED' : 'INVALID_TICKET' });
      return null;
    }
  };

  const image = async (req: Request<{ ticket: string }>, res: Response): Promise<void> => {
    const claims = claimsOf<ImageTicketClaims>('download-image', req, res);
    if (!claims) return;
    const em = services.orm.em.fork();
    try {
      const user = await downloads.ticketUser(em, claims.u);
      const allowed = await downloads.allowedImage(em, user, claims.img);
      const filename = downloadName(allowed);
      res.setHeader('Cache-Control', 'no-store');
      if (services.storageMode === 'presigned') {
        const url = await storage.presignGet(allowed.originalKey!, { expiresInSeconds: REDIRECT_TTL_SECONDS, downloadFilename: filename });
        await downloads.recordDeliveries(em, user, [allowed], DeliveryPath.IMAGE);
        res.redirect(302, url);
        return;
      }
      const object = await storage.openStream(allowed.originalKey!);
      if (!object) throw new Error(`original of image ${allowed.id} is missing from storage`);
      res.status(200);
      res.setHeader('Content-Type', allowed.contentType ?? 'application/octet-stream');
      res.setHeader('Content-Length', String(object.byteSize));
      res.setHeader('Content-Disposition', contentDisposition(filename));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      object.body.on('error', (error) => {
        logger.error({ err: error, imageId: allowed.id }, 'download stream failed');
        res.destroy(error);
      });
      // A delivery is what reached the client: recorded once the last byte was handed to the socket.
      res.on('finish', () => {
        downloads.recordDeliveries(services.orm.em.fork(), user, [allowed], DeliveryPath.IMAGE).catch((error) => logger.error({ err: error }, 'recording a delivery failed'));
      });
      object.body.pipe(res);
    } catch (error) {
      handleFailure(req, res, error);
    }
  };

  const archive = async (req: Request<{ ticket: string }>, res: Response): Promise<void> => {
    const claims = claimsOf<ArchiveTicketClaims>('download-archive', req, res);
    if (!claims) return;
    const em = services.orm.em.fork();
    let plan;
    try {
      const user = await downloads.ticketUser(em, claims.u);
      plan = await downloads.archivePlan(em, user, claims.job);
    } catch (error) {
      handleFailure(req, res, error);
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition(plan.filename));
    res.setHeader('Cache-Control', 'no-store');
    try {
      await streamZip({
        entries: plan.images.map((entry, index) => ({ imageId: entry.id, key: entry.originalKey!, name: plan.names[index]!, contentType: entry.contentType ?? '', byteSize: entry.byteSize })),
        openStream: (key) => storage.openStream(key),
        output: res,
      });
      await downloads.recordDeliveries(services.orm.em.fork(), plan.user, plan.images, DeliveryPath.ARCHIVE);
    } catch (error) {
      // The connection is already destroyed: the client never keeps a ZIP that looks complete.
      const reason = error instanceof ZipStreamError ? error.reason : 'UNEXPECTED';
      logger[reason === 'CLIENT_GONE' ? 'info' : 'error']({ err: error, jobId: plan.job.id, userId: plan.user.id, reason }, 'archive download ended early');
      if (!res.destroyed) res.destroy();
    }
  };

  const handleFailure = (req: Request, res: Response, failure: unknown) => {
    let error = failure;
    if (error instanceof DownloadDenied) {
      downloads.logDenial(error, { ip: req.ip, requestId: String(req.id), via: req.path.startsWith('/downloads/archive') ? 'http-archive' : 'http-image' });
      // The same answer GraphQL gives for the same denial.
      error = toForbidden(error);
    }
    if (isAppError(error)) {
      const code = String(error.extensions.code);
      const status = code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' ? 413 : 403;
      const { code: _code, ...details } = error.extensions;
      sendError(res, status, code, error.message, details);
      return;
    }
    logger.error({ err: error }, 'download failed');
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    else res.destroy();
  };

  return { image, archive };
}
