import { Migration } from '@mikro-orm/migrations';

/**
 * Access tokens that end before they expire: each carries its user's session generation, which a
 * logout or a new password raises. Tokens issued before this migration carry none and count as
 * generation 0, so nobody is signed out by the upgrade.
 */
export class Migration20261204000000SessionGeneration extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "users" add column "session_generation" integer not null default 0;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "users" drop column if exists "session_generation";');
  }
}
