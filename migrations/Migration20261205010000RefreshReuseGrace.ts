import { Migration } from '@mikro-orm/migrations';

/**
 * Two tabs of a web app refreshing one cookie session at once: the later one presents the token the
 * earlier one just rotated. For a few seconds after a rotation the rotated row keeps its successor
 * (sealed), so that request gets the same new token instead of revoking the family. Only cookie
 * sessions have that grace, so a token records which app's cookie holds it (null: the answer did).
 */
export class Migration20261205010000RefreshReuseGrace extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "refresh_tokens" add column "successor_sealed" text null;');
    this.addSql(`alter table "refresh_tokens" add column "cookie_app" text null check ("cookie_app" in ('ADMIN', 'CLIENT'));`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "refresh_tokens" drop column "cookie_app";');
    this.addSql('alter table "refresh_tokens" drop column "successor_sealed";');
  }
}
