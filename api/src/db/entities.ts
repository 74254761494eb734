import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { Delivery } from '../modules/downloads/delivery.entity.js';
import { Image } from '../modules/images/image.entity.js';
import { Job } from '../modules/jobs/job.entity.js';
import { StudioSettings } from '../modules/studio/studio-settings.entity.js';
import { User } from '../modules/users/user.entity.js';

export const entities = [StudioSettings, Customer, User, RefreshToken, Job, Image, AuditEntry, Delivery];
