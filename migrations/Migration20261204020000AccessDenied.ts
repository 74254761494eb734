import { Migration } from '@mikro-orm/migrations';

/** Denials the access module records besides downloads (a customer asking for a staff operation, a foreign id). */
export class Migration20261204020000AccessDenied extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "security_events" drop constraint "security_events_type_check";');
    this.addSql(`alter table "security_events" add constraint "security_events_type_check" check ("type" in ('LOGIN_FAILED', 'RATE_LIMITED', 'DOWNLOAD_DENIED', 'ACCESS_DENIED', 'UPLOAD_FAILED', 'CORS_REFUSED'));`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "security_events" drop constraint "security_events_type_check";');
    this.addSql(`alter table "security_events" add constraint "security_events_type_check" check ("type" in ('LOGIN_FAILED', 'RATE_LIMITED', 'DOWNLOAD_DENIED', 'UPLOAD_FAILED', 'CORS_REFUSED'));`);
  }
}
