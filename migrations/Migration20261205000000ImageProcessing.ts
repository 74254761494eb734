import { Migration } from '@mikro-orm/migrations';

/** Renditions are made by a queued task: between verification and READY an image is PROCESSING. */
export class Migration20261205000000ImageProcessing extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "images" drop constraint "images_status_check";');
    this.addSql(`alter table "images" add constraint "images_status_check" check ("status" in ('PENDING', 'PROCESSING', 'READY', 'FAILED'));`);
  }

  override async down(): Promise<void> {
    // Images still rendering go back to the state the old code understood: their upload is redone.
    this.addSql(`update "images" set "status" = 'FAILED', "failure_reason" = 'ABANDONED' where "status" = 'PROCESSING';`);
    this.addSql('alter table "images" drop constraint "images_status_check";');
    this.addSql(`alter table "images" add constraint "images_status_check" check ("status" in ('PENDING', 'READY', 'FAILED'));`);
  }
}
