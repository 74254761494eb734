import { Migration20261123000000Foundation } from './Migration20261123000000Foundation.js';
import { Migration20261123010000AuditAppendOnly } from './Migration20261123010000AuditAppendOnly.js';
import { Migration20261123020000LoginCodes } from './Migration20261123020000LoginCodes.js';
import { Migration20261123030000SecurityEvents } from './Migration20261123030000SecurityEvents.js';
import { Migration20261123040000PlansAndUsage } from './Migration20261123040000PlansAndUsage.js';
import { Migration20261123050000Enhancements } from './Migration20261123050000Enhancements.js';
import { Migration20261123060000AuditByCustomer } from './Migration20261123060000AuditByCustomer.js';
import { Migration20261123070000EnhancementProviderTask } from './Migration20261123070000EnhancementProviderTask.js';
import { Migration20261123080000UsageChargeTask } from './Migration20261123080000UsageChargeTask.js';
import { Migration20261203000000SelectionLocks } from './Migration20261203000000SelectionLocks.js';
import { Migration20261204000000SessionGeneration } from './Migration20261204000000SessionGeneration.js';
import { Migration20261204010000CleanImageFilenames } from './Migration20261204010000CleanImageFilenames.js';
import { Migration20261204020000AccessDenied } from './Migration20261204020000AccessDenied.js';
import { Migration20261205000000ImageProcessing } from './Migration20261205000000ImageProcessing.js';
import { Migration20261205010000RefreshReuseGrace } from './Migration20261205010000RefreshReuseGrace.js';
import { Migration20261205020000ExtraRequests } from './Migration20261205020000ExtraRequests.js';
import { Migration20261206000000UserAudit } from './Migration20261206000000UserAudit.js';
import { Migration20261206010000ImageRemoval } from './Migration20261206010000ImageRemoval.js';
import { Migration20261206020000ImageCrc32 } from './Migration20261206020000ImageCrc32.js';
import { Migration20261206030000DeliveryTicket } from './Migration20261206030000DeliveryTicket.js';
import { Migration20261207100000UploadReceipt } from './Migration20261207100000UploadReceipt.js';
import { Migration20261207200000UserSettingsNotifications } from './Migration20261207200000UserSettingsNotifications.js';

/** Every migration, in order. Listed explicitly so no file-system discovery is needed at run time. */
export const migrations = [
  { name: 'Migration20261123000000Foundation', class: Migration20261123000000Foundation },
  { name: 'Migration20261123010000AuditAppendOnly', class: Migration20261123010000AuditAppendOnly },
  { name: 'Migration20261123020000LoginCodes', class: Migration20261123020000LoginCodes },
  { name: 'Migration20261123030000SecurityEvents', class: Migration20261123030000SecurityEvents },
  { name: 'Migration20261123040000PlansAndUsage', class: Migration20261123040000PlansAndUsage },
  { name: 'Migration20261123050000Enhancements', class: Migration20261123050000Enhancements },
  { name: 'Migration20261123060000AuditByCustomer', class: Migration20261123060000AuditByCustomer },
  { name: 'Migration20261123070000EnhancementProviderTask', class: Migration20261123070000EnhancementProviderTask },
  { name: 'Migration20261123080000UsageChargeTask', class: Migration20261123080000UsageChargeTask },
  { name: 'Migration20261203000000SelectionLocks', class: Migration20261203000000SelectionLocks },
  { name: 'Migration20261204000000SessionGeneration', class: Migration20261204000000SessionGeneration },
  { name: 'Migration20261204010000CleanImageFilenames', class: Migration20261204010000CleanImageFilenames },
  { name: 'Migration20261204020000AccessDenied', class: Migration20261204020000AccessDenied },
  { name: 'Migration20261205000000ImageProcessing', class: Migration20261205000000ImageProcessing },
  { name: 'Migration20261205010000RefreshReuseGrace', class: Migration20261205010000RefreshReuseGrace },
  { name: 'Migration20261205020000ExtraRequests', class: Migration20261205020000ExtraRequests },
  { name: 'Migration20261206000000UserAudit', class: Migration20261206000000UserAudit },
  { name: 'Migration20261206010000ImageRemoval', class: Migration20261206010000ImageRemoval },
  { name: 'Migration20261206020000ImageCrc32', class: Migration20261206020000ImageCrc32 },
  { name: 'Migration20261206030000DeliveryTicket', class: Migration20261206030000DeliveryTicket },
  { name: 'Migration20261207100000UploadReceipt', class: Migration20261207100000UploadReceipt },
  { name: 'Migration20261207200000UserSettingsNotifications', class: Migration20261207200000UserSettingsNotifications },
];
