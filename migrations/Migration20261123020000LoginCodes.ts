import { Migration } from '@mikro-orm/migrations';

/**
 * Email-code sign-in and the TOTP second factor: `login_codes` (codes only as keyed hashes),
 * `mail_outbox` (development mail when SMTP_URL is unset) and the TOTP columns on `users` (the
 * seed sealed with a key derived from the server secret, the last accepted time step against
 * replay, and the one open second-factor challenge with its wrong tries).
 */
export class Migration20261123020000LoginCodes extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "login_codes" ("id" uuid not null, "user_id" uuid not null, "code_hash" text not null, "expires_at" timestamptz not null, "attempts" integer not null default 0, "used_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));');
    this.addSql('create index "login_codes_user_created_idx" on "login_codes" ("user_id", "created_at");');
    this.addSql('alter table "login_codes" add constraint "login_codes_attempts_check" check (attempts >= 0);');
    this.addSql('alter table "login_codes" add constraint "login_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;');

    this.addSql('create table "mail_outbox" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "to" text not null, "subject" text not null, "text" text not null, primary key ("id"));');
    this.addSql('create index "mail_outbox_created_idx" on "mail_outbox" ("created_at");');

    this.addSql('alter table "users" add column "totp_secret" text null, add column "totp_enabled_at" timestamptz null, add column "totp_last_time_step" integer null, add column "totp_challenge_id" uuid null, add column "totp_challenge_attempts" integer not null default 0;');
    this.addSql('alter table "users" add constraint "users_totp_check" check (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "users" drop constraint if exists "users_totp_check";');
    this.addSql('alter table "users" drop column if exists "totp_secret", drop column if exists "totp_enabled_at", drop column if exists "totp_last_time_step", drop column if exists "totp_challenge_id", drop column if exists "totp_challenge_attempts";');
    this.addSql('drop table if exists "mail_outbox";');
    this.addSql('drop table if exists "login_codes";');
  }
}
