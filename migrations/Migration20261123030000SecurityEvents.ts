import { Migration } from '@mikro-orm/migrations';

/** Security events (failed logins, rate-limit refusals, denied downloads, failed uploads, CORS refusals) for admins. */
export class Migration20261123030000SecurityEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "security_events" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "type" text not null, "user_id" uuid null, "ip" text null, "request_id" text null, "details" jsonb not null, primary key ("id"));`);
    this.addSql('create index "security_events_user_created_idx" on "security_events" ("user_id", "created_at");');
    this.addSql('create index "security_events_type_created_idx" on "security_events" ("type", "created_at");');
    this.addSql('create index "security_events_created_idx" on "security_events" ("created_at");');
    this.addSql(`alter table "security_events" add constraint "security_events_type_check" check ("type" in ('LOGIN_FAILED', 'RATE_LIMITED', 'DOWNLOAD_DENIED', 'UPLOAD_FAILED', 'CORS_REFUSED'));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "security_events";');
  }
}
