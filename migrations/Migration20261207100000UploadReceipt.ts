import { Migration } from '@mikro-orm/migrations';

/**
 * What the API's upload URL hashed while relaying a PUT, so completion need not read 10 MB back
 * from storage to verify it (issue 12's ingest path).
 */
export class Migration20261207100000UploadReceipt extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "images" add column "upload_receipt" jsonb null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "images" drop column "upload_receipt";');
  }
}
