import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15: a user's language and mail-notification switches, and the digests that gather a job's
 * requests for extras (and the studio's decisions) into one mail after a quiet spell; each request
 * remembers when staff and the customer were told of it.
 */
export class Migration20261207200000UserSettingsNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "language" text not null default 'DE' check ("language" in ('DE', 'EN'));`);
    this.addSql('alter table "users" add column "notify_job_delivered" boolean not null default true;');
    this.addSql('alter table "users" add column "notify_extras_requested" boolean not null default true;');
    this.addSql('alter table "users" add column "notify_extra_decided" boolean not null default true;');
    this.addSql('alter table "extra_requests" add column "staff_notified_at" timestamptz null, add column "customer_notified_at" timestamptz null;');
    // Requests from before notifications existed are not news: nobody gets a backlog of mails.
    this.addSql('update "extra_requests" set "staff_notified_at" = "created_at", "customer_notified_at" = "decided_at";');
    this.addSql(`create table "notification_digests" ("job_id" uuid not null, "kind" text not null check ("kind" in ('EXTRAS_REQUESTED', 'EXTRAS_DECIDED')), "pending_since" timestamptz null, "last_event_at" timestamptz not null, "last_sent_at" timestamptz null, primary key ("job_id", "kind"));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "notification_digests";');
    this.addSql('alter table "extra_requests" drop column "staff_notified_at", drop column "customer_notified_at";');
    this.addSql('alter table "users" drop column "notify_extra_decided";');
    this.addSql('alter table "users" drop column "notify_extras_requested";');
    this.addSql('alter table "users" drop column "notify_job_delivered";');
    this.addSql('alter table "users" drop column "language";');
  }
}
