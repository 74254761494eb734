import { pipeline, Readable } from 'node:stream';
import { pipeline as pipelinePromise } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { DeliveryOutcome } from '../modules/downloads/delivery.entity.js';
import {
  DownloadDenied,
  downloadName,
  toForbidden,
  TransferNotStarted,
  RESUME_WINDOW_SECONDS,
  type ArchiveTicketClaims,
  type ImageTicketClaims,
  type Transfer,
} from '../modules/downloads/download.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../modules/users/user.entity.js';
import type { Access } from '../policy/access.js';
import { findById } from '../shared/ids.js';
import type { RouteGate } from './guarded.js';
import type { Caller } from '../modules/users/caller.js';
import { ArchiveSourceError, archiveBytes } from '../modules/downloads/archive-body.js';
import { archiveEntries } from '../modules/downloads/archive-entries.js';
import { layOutZip } from '../modules/downloads/zip-layout.js';
import { decideRange, isResumption } from './byte-ranges.js';
import { forbidden, isAppError, serviceUnavailable } from '../shared/errors.js';
import { InvalidTokenError, type TokenPurpose } from '../security/signed-token.js';
import type { Services } from '../services.js';
import { contentDisposition } from '../storage/object-storage.js';
import { sendAppError, sendError } from './http-errors.js';

/** Presigned S3 GETs behind a download redirect live only long enough to be followed. */
const REDIRECT_TTL_SECONDS = 60;

const isClientGone = (error: NodeJS.ErrnoException) => error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ECONNRESET' || error.code === 'EPIPE';

/**
 * `GET /downloads/images/<ticket>` and `GET /downloads/archive/<ticket>`: verify the ticket, reload
 * the user, start the transfer (policy again, selection lock and delivery record committed), then
 * serve the bytes and record how the transfer ended. Every refusal is a JSON body with the status
 * of its code (HTTP_STATUS: 403 for a denial, 404 for staff asking for what does not exist) and a
 * log line; a lock that cannot be written is a 503 with nothing sent.
 */
export function downloadRoutes(services: Services) {
  const { downloads, storage, logger } = services;

  const refuseTicket = (res: Response, gate: RouteGate, reason: string) =>
    sendAppError(res, gate.refuseLink(services.orm.em, `TICKET_${reason}`, 'This download link is not valid or has expired.', reason === 'EXPIRED' ? 'EXPIRED' : 'INVALID_TICKET'));

  /**
   * Claims of a valid ticket, or a 403 already sent (and the denial logged by the access module).
   * An expired ticket still opens its URL for a resume (Range with If-Range) of a transfer that
   * started with it in time, for 24 hours (rule 7); `resuming` says so, and only a resume of the
   * same bytes may then be served.
   */
  const claimsOf = async <T extends { t?: string }>(purpose: TokenPurpose, req: Request<{ ticket: string }>, res: Response, gate: RouteGate): Promise<{ claims: T; resuming: boolean } | null> => {
    try {
      return { claims: services.urlTokens.verify<T>(purpose, req.params.ticket), resuming: false };
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.reason : 'MALFORMED';
      if (reason === 'EXPIRED' && isResumption(req)) {
        const claims = services.urlTokens.verify<T>(purpose, req.params.ticket, new Date(), { acceptExpiredForSeconds: RESUME_WINDOW_SECONDS });
        if (await downloads.startedWithin(services.orm.em.fork(), claims.t)) return { claims, resuming: true };
      }
      refuseTicket(res, gate, reason);
      return null;
    }
  };

  /**
   * The ticket's user, reloaded now, admitted by the access module for the route's permission on
   * `ids` — or null with the refusal sent. A ticket is the credential: a user who is gone or
   * deactivated gets the same 403 as a bad ticket, not a 401.
   */
  const admit = async (em: EntityManager, res: Response, gate: RouteGate, userId: string, ids: string[]): Promise<{ user: User; access: Access } | null> => {
    const user = await findById(em, User, userId, { populate: ['customer'] });
    const { access, outcome } = await gate.check(em, user?.active ? { kind: 'user', user } : null, ids);
    if (outcome === true && user) return { user, access };
    const refusal = outcome === true || outcome.code === 'UNAUTHENTICATED' ? forbidden('This download link is not valid or has expired.', { reason: 'INVALID_TICKET' }) : outcome;
    sendAppError(res, refusal);
    return null;
  };

  /**
   * Sets the validators and decides what of the representation to send, or answers for it: a range
   * past the end is 416; after the ticket expired only the rest of the same bytes may follow (a
   * changed selection changes the ETag, and a new download needs a new link). Null when answered.
   */
  const servedRange = (
    req: Request,
    res: Response,
    gate: RouteGate,
    of: { byteSize: number; etag: string; resuming: boolean; end: (bytesSent: number, outcome: DeliveryOutcome) => void },
  ) => {
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('ETag', of.etag);
    const range = decideRange(req, of.byteSize, of.etag);
    if (range.status === 416) {
      of.end(0, DeliveryOutcome.BROKEN_OFF);
      res.setHeader('Content-Range', `bytes */${of.byteSize}`);
      sendError(res, 416, 'BAD_REQUEST', 'The requested range is outside the file.', { reason: 'RANGE_NOT_SATISFIABLE', byteSize: of.byteSize });
      return null;
    }
    if (of.resuming && range.status !== 206) {
      of.end(0, DeliveryOutcome.BROKEN_OFF);
      refuseTicket(res, gate, 'EXPIRED');
      return null;
    }
    return range;
  };

  /** Ends a started transfer's delivery rows once, whichever way the response ends. */
  const endOnce = (transfer: Transfer) => {
    let ended = false;
    return (bytesSent: number, outcome: DeliveryOutcome) => {
      if (ended) return;
      ended = true;
      downloads.endTransfer(services.orm.em.fork(), transfer, bytesSent, outcome).catch((error: unknown) => logger.error({ err: error }, 'recording the end of a transfer failed'));
    };
  };
  const callerFor = (req: Request, user: User): Caller => ({ user, ip: req.ip, requestId: String(req.id) });

  const image = async (req: Request<{ ticket: string }>, res: Response, gate: RouteGate): Promise<void> => {
    const ticket = await claimsOf<ImageTicketClaims>('download-image', req, res, gate);
    if (!ticket) return;
    const { claims, resuming } = ticket;
    const em = services.orm.em.fork();
    const admitted = await admit(em, res, gate, claims.u, [claims.img]);
    if (!admitted) return;
    let transfer;
    try {
      // The selection lock is committed here, before the first byte or the redirect (rule 5).
      transfer = await downloads.startImageTransfer(em, callerFor(req, admitted.user), claims.img, claims.t);
    } catch (error) {
      handleFailure(res, admitted.access, gate, error);
      return;
    }
    const end = endOnce(transfer);
    const allowed = transfer.image;
    const filename = downloadName(allowed);
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (services.storageMode === 'presigned') {
        const url = await storage.presignGet(allowed.originalKey!, { expiresInSeconds: REDIRECT_TTL_SECONDS, downloadFilename: filename });
        res.redirect(302, url);
        end(0, DeliveryOutcome.REDIRECTED);
        return;
      }
      // The original's SHA-256 is its identity: a strong validator that holds across servers and restarts.
      const etag = `"${allowed.sha256}"`;
      const range = servedRange(req, res, gate, { byteSize: allowed.byteSize, etag, resuming, end });
      if (!range) return;
      const object = await storage.openStream(allowed.originalKey!, range.status === 206 ? range : undefined);
      if (!object) throw new Error(`original of image ${allowed.id} is missing from storage`);
      if (object.objectSize !== allowed.byteSize) throw new Error(`original of image ${allowed.id} has ${object.objectSize} bytes, recorded ${allowed.byteSize}`);
      res.status(range.status);
      res.setHeader('Content-Type', allowed.contentType ?? 'application/octet-stream');
      res.setHeader('Content-Length', String(object.byteSize));
      if (range.status === 206) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${allowed.byteSize}`);
      res.setHeader('Content-Disposition', contentDisposition(filename));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      let sent = 0;
      object.body.on('data', (chunk: Buffer) => {
        sent += chunk.length;
      });
      // pipeline, not pipe: a client that walks away also ends the storage read.
      pipeline(object.body, res, (error) => {
        if (error && !isClientGone(error)) logger.error({ err: error, imageId: allowed.id }, 'download stream failed');
        end(sent, error || !res.writableFinished ? DeliveryOutcome.BROKEN_OFF : DeliveryOutcome.COMPLETED);
      });
    } catch (error) {
      end(0, DeliveryOutcome.BROKEN_OFF);
      handleFailure(res, admitted.access, gate, error);
    }
  };

  const archive = async (req: Request<{ ticket: string }>, res: Response, gate: RouteGate): Promise<void> => {
    const ticket = await claimsOf<ArchiveTicketClaims>('download-archive', req, res, gate);
    if (!ticket) return;
    const { claims, resuming } = ticket;
    const em = services.orm.em.fork();
    const admitted = await admit(em, res, gate, claims.u, [claims.job]);
    if (!admitted) return;
    let transfer;
    try {
      transfer = await downloads.startArchiveTransfer(em, callerFor(req, admitted.user), claims.job, claims.t);
    } catch (error) {
      handleFailure(res, admitted.access, gate, error);
      return;
    }
    const end = endOnce(transfer);
    let sent = 0;
    try {
      const layout = layOutZip(await archiveEntries(em, storage, transfer.images, transfer.names));
      res.setHeader('Cache-Control', 'no-store');
      const range = servedRange(req, res, gate, { byteSize: layout.byteSize, etag: layout.etag, resuming, end });
      if (!range) return;
      res.status(range.status);
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', contentDisposition(transfer.filename));
      res.setHeader('Content-Length', String(range.end - range.start + 1));
      if (range.status === 206) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${layout.byteSize}`);
      const body = Readable.from(archiveBytes(layout, range.start, range.end, (key, start, finish) => storage.openStream(key, { start, end: finish })), { objectMode: false });
      body.on('data', (chunk: Buffer) => {
        sent += chunk.length;
      });
      await pipelinePromise(body, res);
      end(sent, DeliveryOutcome.COMPLETED);
    } catch (error) {
      end(sent, DeliveryOutcome.BROKEN_OFF);
      if (!res.headersSent) {
        handleFailure(res, admitted.access, gate, error);
        return;
      }
      // The connection is cut: the client never keeps a ZIP that looks complete.
      const reason = error instanceof ArchiveSourceError ? error.reason : isClientGone(error as NodeJS.ErrnoException) ? 'CLIENT_GONE' : 'UNEXPECTED';
      logger[reason === 'CLIENT_GONE' ? 'info' : 'error']({ err: error, jobId: transfer.job.id, userId: transfer.user.id, reason }, 'archive download ended early');
      if (!res.destroyed) res.destroy();
    }
  };

  const handleFailure = (res: Response, access: Access, gate: RouteGate, failure: unknown) => {
    let error = failure;
    if (error instanceof TransferNotStarted) {
      logger.error({ err: error.cause }, 'a transfer could not take its selection lock; nothing was sent');
      res.setHeader('Retry-After', '5');
      sendAppError(res, serviceUnavailable('The download could not be started; nothing was sent. Please try again in a moment.'));
      return;
    }
    if (error instanceof DownloadDenied) {
      // The policy's re-check under the job's lock refused (the state changed since the access check).
      access.recordPolicyDenial(gate.permission, [error.details.imageId ?? error.details.jobId ?? ''], { policy: error.reason, ...error.details });
      // The same answer GraphQL gives for the same denial.
      error = toForbidden(error);
    }
    if (isAppError(error)) {
      sendAppError(res, error);
      return;
    }
    logger.error({ err: error }, 'download failed');
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    else res.destroy();
  };

  return { image, archive };
}
