import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { LoginCode } from '../modules/auth/login-code.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { Delivery } from '../modules/downloads/delivery.entity.js';
import { Enhancement } from '../modules/enhancements/enhancement.entity.js';
import { Image } from '../modules/images/image.entity.js';
import { SelectionLock } from '../modules/images/selection-lock.entity.js';
import { Job } from '../modules/jobs/job.entity.js';
import { MailOutboxMessage } from '../modules/mail/mail-outbox-message.entity.js';
import { Plan } from '../modules/plans/plan.entity.js';
import { UsageCharge } from '../modules/plans/usage-charge.entity.js';
import { SecurityEvent } from '../modules/security-events/security-event.entity.js';
import { StudioSettings } from '../modules/studio/studio-settings.entity.js';
import { User } from '../modules/users/user.entity.js';
import { ExtraRequest } from '../modules/extras/extra-request.entity.js';
import { NotificationDigest } from '../modules/notifications/notification-digest.entity.js';

export const entities = [StudioSettings, Customer, User, RefreshToken, Job, Image, AuditEntry, Delivery, SelectionLock, SecurityEvent, LoginCode, MailOutboxMessage, Plan, UsageCharge, Enhancement, ExtraRequest, NotificationDigest];
