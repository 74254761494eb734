import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { AccessTokens } from './modules/auth/access-tokens.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginCodeService } from './modules/auth/login-code.service.js';
import { TotpService } from './modules/auth/totp.service.js';
import { createMailer } from './modules/mail/mailer.js';
import { MailOutboxService } from './modules/mail/mail-outbox.service.js';
import { SecretBox } from './security/secret-box.js';
import { CustomerService } from './modules/customers/customer.service.js';
import { ImageUploadService } from './modules/images/image-upload.service.js';
import { ImageService } from './modules/images/image.service.js';
import { MediaUrls } from './modules/images/media-urls.js';
import { JobService } from './modules/jobs/job.service.js';
import { PackageService } from './modules/jobs/package.service.js';
import { StudioService } from './modules/studio/studio.service.js';
import { UserService } from './modules/users/user.service.js';
import { ImageRemovalService } from './modules/images/image-removal.service.js';
import { UserAudit } from './modules/users/user-audit.js';
import { AccountService } from './modules/users/account.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { DeliveryService } from './modules/downloads/delivery.service.js';
import { DownloadService } from './modules/downloads/download.service.js';
import { accessDenialRecorder, type RequestOrigin } from './modules/security-events/access-denials.js';
import { Access } from './policy/access.js';
import type { AccessCaller } from './policy/access-caller.js';
import { UploadReceiver } from './modules/images/upload-receiver.js';
import { UploadRelayThread } from './modules/images/upload-relay/relay-thread.js';
import { SelectionLockService } from './modules/images/selection-lock.service.js';
import { SelectionService } from './modules/images/selection.service.js';
import { ExtraRequestService } from './modules/extras/extra-request.service.js';
import { PlanService } from './modules/plans/plan.service.js';
import { UsageService } from './modules/plans/usage.service.js';
import { createEnhancementServices } from './modules/enhancements/enhancement-services.js';
import { SecurityEvents } from './modules/security-events/security-events.service.js';
import { RateLimits } from './security/rate-limits.js';
import { UrlTokenSigner } from './security/signed-token.js';
import type { Redis } from 'ioredis';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStorage } from './storage/object-storage.js';
import type { StorageMode } from './storage/storage-mode.js';
import type { StorageSettings } from './storage/object-storage.js';
import { TaskQueues } from './queue/task-queues.js';
import { createRenderServices } from './modules/images/rendering/render-services.js';
import { defineNotificationQueues } from './modules/notifications/notification-queues.js';
import { Notifications } from './modules/notifications/notifications.service.js';
import { NotificationWorker } from './modules/notifications/notification-worker.js';

/** The composition root: every service built once per process, with what it depends on. */
export function createServices(deps: { config: Config; logger: Logger; orm: MikroORM; storage: ObjectStorage; storageSettings: StorageSettings; storageMode: StorageMode; signingSecret: string; redis?: Redis }) {
  const { config, logger, storage, storageMode } = deps;
  const urlTokens = new UrlTokenSigner(deps.signingSecret);
  const accessTokens = new AccessTokens(deps.signingSecret, config.auth.accessTokenTtlSeconds);
  const studio = new StudioService();
  const audit = new AuditService();
  const userAudit = new UserAudit(audit);
  const securityEvents = new SecurityEvents(deps.orm, logger);
  const rateLimits = new RateLimits(config.rateLimits, deps.redis);
  const mailer = createMailer(config, deps.orm, logger);
  const totp = new TotpService(new SecretBox(deps.signingSecret, 'totp-secret'), urlTokens, studio, userAudit, logger);
  const auth = new AuthService(config, accessTokens, logger, securityEvents, totp, new SecretBox(deps.signingSecret, 'refresh-successor'));
  const usage = new UsageService(config.enhancementTimeZone);
  const selectionLocks = new SelectionLockService(audit);
  const recordDenial = accessDenialRecorder(securityEvents, logger);
  // One pg-boss per process for every background task; each module defines its queue on it.
  const taskQueues = new TaskQueues(deps.orm.config.get('clientUrl')!, { monitorIntervalSeconds: config.enhancements.monitorIntervalSeconds }, logger);
  const notificationQueues = defineNotificationQueues(taskQueues);
  const notifications = new Notifications({ orm: deps.orm, queue: notificationQueues.notifications, mail: notificationQueues.mail, studio, publicUrl: config.publicUrl, logger });
  const extras = new ExtraRequestService(notifications);
  const selection = new SelectionService(audit, selectionLocks, extras);
  const uploadRelay = new UploadRelayThread(storage);
  const renders = createRenderServices({ config, logger, orm: deps.orm, storage, storageSettings: deps.storageSettings, studio, securityEvents, taskQueues });
  return {
    /** The access module for one request: its caller, and where the request came in (for denials). */
    accessFor: (em: EntityManager, caller: AccessCaller | null, origin: RequestOrigin) => new Access(em, caller, recordDenial(origin)),
    config,
    logger,
    orm: deps.orm,
    storage,
    storageMode,
    urlTokens,
    accessTokens,
    studio,
    securityEvents,
    rateLimits,
    auth,
    totp,
    mailer,
    mailOutbox: new MailOutboxService(mailer),
    loginCodes: new LoginCodeService(deps.signingSecret, deps.orm, auth, mailer, studio, securityEvents, logger),
    customers: new CustomerService(),
    users: new UserService(userAudit),
    account: new AccountService(userAudit, auth),
    jobs: new JobService(studio, audit, notifications),
    images: new ImageService(),
    taskQueues,
    ...renders,
    uploads: new ImageUploadService(config, storage, storageMode, urlTokens, logger, securityEvents, rateLimits, renders.renderTasks),
    uploadRelay,
    uploadReceiver: new UploadReceiver(storage, uploadRelay, securityEvents, logger),
    media: new MediaUrls(config, storage, storageMode, urlTokens),
    audit,
    selectionLocks,
    extras,
    selection,
    notifications,
    notificationWorker: new NotificationWorker({ queue: notificationQueues.notifications, mail: notificationQueues.mail, notifications, mailer, logger }),
    imageRemoval: new ImageRemovalService(audit, selection, storage, logger),
    packages: new PackageService(audit),
    plans: new PlanService(audit),
    usage,
    ...createEnhancementServices({ config, logger, orm: deps.orm, storage, studio, usage, taskQueues }),
    downloads: new DownloadService(config, urlTokens, selectionLocks),
    deliveries: new DeliveryService(),
  };
}

export type Services = ReturnType<typeof createServices>;
