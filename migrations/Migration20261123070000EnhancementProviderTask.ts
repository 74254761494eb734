import { Migration } from '@mikro-orm/migrations';

/** The provider's job a task's try started (a Replicate prediction), so a retry resumes it instead of paying twice. */
export class Migration20261123070000EnhancementProviderTask extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "enhancements" add column "provider_task_id" text null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "enhancements" drop column "provider_task_id";');
  }
}
