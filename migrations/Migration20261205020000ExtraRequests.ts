import { Migration } from '@mikro-orm/migrations';

/**
 * Requests for extra images as records of their own: the customer's note, the studio's decision and
 * note, and whether the customer may ask again. Images that are EXTRA_PENDING today get a PENDING
 * request (without a note), so the inbox holds them.
 */
export class Migration20261205020000ExtraRequests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "extra_requests" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "image_id" uuid not null, "job_id" uuid not null, "requested_by_id" uuid null, "status" text not null default 'PENDING', "note" text null, "decided_by_id" uuid null, "decided_at" timestamptz null, "decision_note" text null, "may_ask_again_from" timestamptz null, "final" boolean not null default false, primary key ("id"));`,
    );
    this.addSql('create index "extra_requests_job_idx" on "extra_requests" ("job_id");');
    this.addSql('create index "extra_requests_image_created_idx" on "extra_requests" ("image_id", "created_at");');
    this.addSql('create index "extra_requests_status_created_idx" on "extra_requests" ("status", "created_at");');
    this.addSql('alter table "extra_requests" add constraint "extra_requests_image_id_foreign" foreign key ("image_id") references "images" ("id") on delete cascade;');
    this.addSql('alter table "extra_requests" add constraint "extra_requests_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on delete cascade;');
    this.addSql('alter table "extra_requests" add constraint "extra_requests_requested_by_id_foreign" foreign key ("requested_by_id") references "users" ("id") on delete set null;');
    this.addSql('alter table "extra_requests" add constraint "extra_requests_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on delete set null;');
    this.addSql(`alter table "extra_requests" add constraint "extra_requests_status_check" check ("status" in ('PENDING', 'PAID', 'FREE', 'INCLUDED', 'DECLINED', 'WITHDRAWN'));`);
    this.addSql(`insert into "extra_requests" ("image_id", "job_id", "status", "created_at") select "id", "job_id", 'PENDING', "updated_at" from "images" where "selection_state" = 'EXTRA_PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "extra_requests" cascade;');
  }
}
