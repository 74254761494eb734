import { Migration } from '@mikro-orm/migrations';

/**
 * No usage charge without its enhancement task. Deferred to commit: the charge is decided under the
 * customer's lock before the task rows are written in the same transaction. Rows written so far
 * always had their task (both are written in one transaction), so adding it validates cleanly.
 */
export class Migration20261123080000UsageChargeTask extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "usage_charges" add constraint "usage_charges_enhancement_id_foreign" foreign key ("enhancement_id") references "enhancements" ("id") on delete restrict deferrable initially deferred;',
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table "usage_charges" drop constraint "usage_charges_enhancement_id_foreign";');
  }
}
