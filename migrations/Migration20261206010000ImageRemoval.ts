import { Migration } from '@mikro-orm/migrations';

/** Images staff took away after they were delivered, audited or enhanced stay for the record as REMOVED. */
export class Migration20261206010000ImageRemoval extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "images" drop constraint "images_status_check";');
    this.addSql(`alter table "images" add constraint "images_status_check" check ("status" in ('PENDING', 'PROCESSING', 'READY', 'FAILED', 'REMOVED'));`);
  }

  override async down(): Promise<void> {
    // Removed images were hidden from customers; down to a schema without the state they stay hidden as FAILED.
    this.addSql(`update "images" set "status" = 'FAILED', "failure_reason" = 'REMOVED' where "status" = 'REMOVED';`);
    this.addSql('alter table "images" drop constraint "images_status_check";');
    this.addSql(`alter table "images" add constraint "images_status_check" check ("status" in ('PENDING', 'PROCESSING', 'READY', 'FAILED'));`);
  }
}
