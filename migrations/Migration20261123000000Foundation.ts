import { Migration } from '@mikro-orm/migrations';

/**
 * The foundation schema: studio settings, customers, users, refresh tokens, jobs, images, and the
 * audit and delivery tables later features fill. Integrity lives in the database too: foreign
 * keys, checks (package size >= 0, one settings row, a customer user has a customer, READY images
 * have their verified metadata) and indexes for the lists the API exposes.
 */
export class Migration20261123000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "customers" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "contact_email" text null, "notes" text null, primary key ("id"));');
    this.addSql('create index "customers_name_idx" on "customers" ("name");');
    this.addSql(`create table "jobs" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "customer_id" uuid not null, "title" text not null, "status" text not null default 'IN_PROGRESS', "included_images" int not null, "all_images_included" boolean not null, "allow_customer_uploads" boolean not null default false, "delivered_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql('create index "jobs_status_created_idx" on "jobs" ("status", "created_at");');
    this.addSql('create index "jobs_customer_status_created_idx" on "jobs" ("customer_id", "status", "created_at");');
    this.addSql('alter table "jobs" add constraint "jobs_included_images_check" check (included_images >= 0);');
    this.addSql(`alter table "jobs" add constraint "jobs_status_check" check ("status" in ('IN_PROGRESS', 'DELIVERED', 'ARCHIVED'));`);
    this.addSql('create table "studio_settings" ("id" int not null default 1, "name" text not null, "watermark_text" text not null, "default_included_images" int not null default 10, "default_allow_customer_uploads" boolean not null default false, "updated_at" timestamptz not null default now(), primary key ("id"));');
    this.addSql('alter table "studio_settings" add constraint "studio_settings_default_included_images_check" check (default_included_images >= 0);');
    this.addSql('alter table "studio_settings" add constraint "studio_settings_single_row" check (id = 1);');
    this.addSql('create table "users" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" text not null, "name" text not null, "role" text not null, "customer_id" uuid null, "password_hash" text null, "active" boolean not null default true, "deactivated_at" timestamptz null, "last_login_at" timestamptz null, primary key ("id"));');
    this.addSql('alter table "users" add constraint "users_email_unique" unique ("email");');
    this.addSql('create index "users_customer_id_idx" on "users" ("customer_id");');
    this.addSql(`alter table "users" add constraint "users_customer_role_check" check ((role = 'CUSTOMER') = (customer_id IS NOT NULL));`);
    this.addSql(`alter table "users" add constraint "users_role_check" check ("role" in ('CUSTOMER', 'STAFF', 'ADMIN'));`);
    this.addSql('create table "refresh_tokens" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "family_id" uuid not null, "remember_me" boolean not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "rotated_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));');
    this.addSql('alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");');
    this.addSql('create index "refresh_tokens_family_id_idx" on "refresh_tokens" ("family_id");');
    this.addSql('create index "refresh_tokens_user_id_idx" on "refresh_tokens" ("user_id");');
    this.addSql(`create table "images" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "job_id" uuid not null, "uploaded_by_id" uuid null, "filename" text not null, "status" text not null default 'PENDING', "selection_state" text not null default 'NONE', "declared_content_type" text not null, "content_type" text null, "byte_size" bigint not null, "sha256" char(64) not null, "width" int null, "height" int null, "upload_key" text not null, "original_key" text null, "renditions" jsonb not null default '{}', "failure_reason" text null, primary key ("id"));`);
    this.addSql('create index "images_status_created_idx" on "images" ("status", "created_at");');
    this.addSql('create index "images_job_status_created_idx" on "images" ("job_id", "status", "created_at");');
    this.addSql(`alter table "images" add constraint "images_ready_check" check (status <> 'READY' OR (original_key IS NOT NULL AND content_type IS NOT NULL AND width IS NOT NULL AND height IS NOT NULL));`);
    this.addSql(`alter table "images" add constraint "images_sha256_check" check (sha256 ~ '^[0-9a-f]{64}$');`);
    this.addSql('alter table "images" add constraint "images_byte_size_check" check (byte_size > 0);');
    this.addSql(`alter table "images" add constraint "images_status_check" check ("status" in ('PENDING', 'READY', 'FAILED'));`);
    this.addSql(`alter table "images" add constraint "images_selection_state_check" check ("selection_state" in ('NONE', 'INCLUDED', 'EXTRA_PENDING', 'EXTRA_PAID', 'EXTRA_FREE', 'BLOCKED'));`);
    this.addSql('create table "deliveries" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "user_id" uuid not null, "job_id" uuid not null, "image_id" uuid not null, "path" text not null, "archive_id" uuid null, "byte_size" bigint not null, primary key ("id"));');
    this.addSql('create index "deliveries_image_user_idx" on "deliveries" ("image_id", "user_id");');
    this.addSql('create index "deliveries_job_user_idx" on "deliveries" ("job_id", "user_id");');
    this.addSql('alter table "deliveries" add constraint "deliveries_byte_size_check" check (byte_size >= 0);');
    this.addSql(`alter table "deliveries" add constraint "deliveries_path_check" check ("path" in ('IMAGE', 'ARCHIVE'));`);
    this.addSql('create table "audit_entries" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "actor_id" uuid null, "actor_name" text not null, "actor_role" text not null, "subject" text not null, "job_id" uuid null, "image_id" uuid null, "customer_id" uuid null, "field" text not null, "old_value" text null, "new_value" text null, "reason" text null, "request_id" text null, primary key ("id"));');
    this.addSql('create index "audit_entries_created_idx" on "audit_entries" ("created_at");');
    this.addSql('create index "audit_entries_actor_created_idx" on "audit_entries" ("actor_id", "created_at");');
    this.addSql('create index "audit_entries_image_created_idx" on "audit_entries" ("image_id", "created_at");');
    this.addSql('create index "audit_entries_job_created_idx" on "audit_entries" ("job_id", "created_at");');
    this.addSql(`alter table "audit_entries" add constraint "audit_entries_subject_ids_check" check ((subject <> 'IMAGE' OR image_id IS NOT NULL) AND (subject <> 'JOB' OR job_id IS NOT NULL) AND (subject <> 'CUSTOMER' OR customer_id IS NOT NULL));`);
    this.addSql(`alter table "audit_entries" add constraint "audit_entries_actor_role_check" check ("actor_role" in ('CUSTOMER', 'STAFF', 'ADMIN'));`);
    this.addSql(`alter table "audit_entries" add constraint "audit_entries_subject_check" check ("subject" in ('JOB', 'IMAGE', 'CUSTOMER'));`);
    this.addSql('alter table "jobs" add constraint "jobs_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete restrict;');
    this.addSql('alter table "users" add constraint "users_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete restrict;');
    this.addSql('alter table "refresh_tokens" add constraint "refresh_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;');
    this.addSql('alter table "images" add constraint "images_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on delete cascade;');
    this.addSql('alter table "images" add constraint "images_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on delete set null;');
    this.addSql('alter table "deliveries" add constraint "deliveries_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete restrict;');
    this.addSql('alter table "audit_entries" add constraint "audit_entries_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on delete restrict;');
  }

  override async down(): Promise<void> {
    for (const table of ['audit_entries', 'deliveries', 'images', 'refresh_tokens', 'jobs', 'users', 'customers', 'studio_settings']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
