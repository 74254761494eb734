import { Migration } from '@mikro-orm/migrations';

/**
 * Each original's CRC-32, kept when its bytes are verified, so a ZIP's exact bytes are known before
 * anything is read. Existing images get theirs from their stored bytes the first time an archive
 * holds them (ArchiveEntries.ensureCrc32): SQL cannot read object storage.
 */
export class Migration20261206020000ImageCrc32 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "images" add column "crc32" bigint null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "images" drop column "crc32";');
  }
}
