import { Migration } from '@mikro-orm/migrations';

/**
 * User administration is audited (PRODUCT.md rule 6): rows with the subject USER name the user
 * whose role, customer, activation or second factor changed.
 */
export class Migration20261206000000UserAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "audit_entries" add column "user_id" uuid null;');
    this.addSql('create index "audit_entries_user_created_idx" on "audit_entries" ("user_id", "created_at");');
    this.addSql('alter table "audit_entries" drop constraint "audit_entries_subject_check";');
    this.addSql(`alter table "audit_entries" add constraint "audit_entries_subject_check" check ("subject" in ('JOB', 'IMAGE', 'CUSTOMER', 'USER'));`);
    this.addSql('alter table "audit_entries" drop constraint "audit_entries_subject_ids_check";');
    this.addSql(
      `alter table "audit_entries" add constraint "audit_entries_subject_ids_check" check ((subject <> 'IMAGE' OR image_id IS NOT NULL) AND (subject <> 'JOB' OR job_id IS NOT NULL) AND (subject <> 'CUSTOMER' OR customer_id IS NOT NULL) AND (subject <> 'USER' OR user_id IS NOT NULL));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table "audit_entries" drop constraint "audit_entries_subject_ids_check";');
    this.addSql(
      `alter table "audit_entries" add constraint "audit_entries_subject_ids_check" check ((subject <> 'IMAGE' OR image_id IS NOT NULL) AND (subject <> 'JOB' OR job_id IS NOT NULL) AND (subject <> 'CUSTOMER' OR customer_id IS NOT NULL));`,
    );
    this.addSql('alter table "audit_entries" drop constraint "audit_entries_subject_check";');
    this.addSql(`alter table "audit_entries" add constraint "audit_entries_subject_check" check ("subject" in ('JOB', 'IMAGE', 'CUSTOMER'));`);
    this.addSql('drop index "audit_entries_user_created_idx";');
    this.addSql('alter table "audit_entries" drop column "user_id";');
  }
}
