import { Migration } from '@mikro-orm/migrations';

/** A customer's audit trail (plan and credit changes, and every change to their jobs) read by customer. */
export class Migration20261123060000AuditByCustomer extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index "audit_entries_customer_created_idx" on "audit_entries" ("customer_id", "created_at");');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "audit_entries_customer_created_idx";');
  }
}
