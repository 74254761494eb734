import { Migration } from '@mikro-orm/migrations';

/**
 * AI-enhancement tasks: `enhancements` (one row per task, its status moving only forward) and
 * `images.derived_from_id`, which makes a task's result an image of the same job. The queue
 * itself is pg-boss, which installs and migrates its own schema (`pgboss`) when the API starts.
 */
export class Migration20261123050000Enhancements extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "enhancements" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "image_id" uuid not null, "job_id" uuid not null, "customer_id" uuid not null, "requested_by_id" uuid null, "request_id" text null, "model_id" text not null, "provider" text not null, "params" jsonb not null, "status" text not null default 'QUEUED', "progress" real not null default 0, "error_code" text null, "error_message" text null, "result_id" uuid null, "attempts" int not null default 0, "started_at" timestamptz null, "finished_at" timestamptz null, "heartbeat_at" timestamptz null, "cancel_requested_at" timestamptz null, primary key ("id"));`);
    this.addSql('create index "enhancements_image_created_idx" on "enhancements" ("image_id", "created_at");');
    this.addSql('create index "enhancements_job_created_idx" on "enhancements" ("job_id", "created_at");');
    this.addSql('create index "enhancements_customer_created_idx" on "enhancements" ("customer_id", "created_at");');
    this.addSql('create index "enhancements_status_created_idx" on "enhancements" ("status", "created_at");');
    this.addSql('create index "enhancements_result_idx" on "enhancements" ("result_id");');
    this.addSql('alter table "enhancements" add constraint "enhancements_image_id_foreign" foreign key ("image_id") references "images" ("id") on delete cascade;');
    this.addSql('alter table "enhancements" add constraint "enhancements_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on delete cascade;');
    this.addSql('alter table "enhancements" add constraint "enhancements_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete restrict;');
    this.addSql('alter table "enhancements" add constraint "enhancements_requested_by_id_foreign" foreign key ("requested_by_id") references "users" ("id") on delete set null;');
    this.addSql('alter table "enhancements" add constraint "enhancements_result_id_foreign" foreign key ("result_id") references "images" ("id") on delete set null;');
    this.addSql(`alter table "enhancements" add constraint "enhancements_status_check" check ("status" in ('QUEUED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED'));`);
    this.addSql(`alter table "enhancements" add constraint "enhancements_error_code_check" check ("error_code" in ('FORBIDDEN', 'BAD_USER_INPUT', 'PROVIDER_ERROR', 'INTERNAL'));`);
    this.addSql(`alter table "enhancements" add constraint "enhancements_error_check" check ((status = 'FAILED') = (error_code IS NOT NULL AND error_message IS NOT NULL));`);
    this.addSql(`alter table "enhancements" add constraint "enhancements_finished_check" check ((status IN ('SUCCEEDED', 'FAILED', 'CANCELED')) = (finished_at IS NOT NULL));`);
    this.addSql('alter table "enhancements" add constraint "enhancements_attempts_check" check (attempts >= 0);');
    this.addSql('alter table "enhancements" add constraint "enhancements_progress_check" check (progress >= 0::real AND progress <= 1::real);');

    this.addSql('alter table "images" add "derived_from_id" uuid null;');
    this.addSql('alter table "images" add constraint "images_derived_from_id_foreign" foreign key ("derived_from_id") references "images" ("id") on delete cascade;');
    this.addSql('create index "images_derived_from_idx" on "images" ("derived_from_id");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "enhancements";');
    this.addSql('alter table "images" drop constraint if exists "images_derived_from_id_foreign";');
    this.addSql('alter table "images" drop column if exists "derived_from_id";');
  }
}
