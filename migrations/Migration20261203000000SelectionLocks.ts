import { Migration } from '@mikro-orm/migrations';

/**
 * The selection lock (rule 5): a row per uploaded original whose bytes may have left for its
 * customer, taken when a transfer starts. Deliveries become the record of transfers: written at the
 * start, ended with the bytes sent and how the transfer ended.
 *
 * Existing deliveries were written only when a transfer completed, so each is COMPLETED with every
 * byte sent, and each customer delivery becomes a lock on its image (or, for an enhanced copy, on
 * its source), with the first delivery's user and time.
 */
export class Migration20261203000000SelectionLocks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "selection_locks" ("image_id" uuid not null, "job_id" uuid not null, "locked_by_id" uuid not null, "locked_at" timestamptz not null default now(), "via" text not null, primary key ("image_id"));',
    );
    this.addSql('create index "selection_locks_job_idx" on "selection_locks" ("job_id");');
    this.addSql(`alter table "selection_locks" add constraint "selection_locks_via_check" check ("via" in ('IMAGE', 'ARCHIVE'));`);
    this.addSql('alter table "selection_locks" add constraint "selection_locks_image_id_foreign" foreign key ("image_id") references "images" ("id") on update cascade on delete cascade;');
    this.addSql('alter table "selection_locks" add constraint "selection_locks_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on delete cascade;');
    this.addSql('alter table "selection_locks" add constraint "selection_locks_locked_by_id_foreign" foreign key ("locked_by_id") references "users" ("id") on delete restrict;');

    this.addSql(`alter table "deliveries" add column "outcome" text not null default 'IN_PROGRESS', add column "bytes_sent" bigint not null default 0, add column "ended_at" timestamptz null;`);
    this.addSql(`alter table "deliveries" add constraint "deliveries_outcome_check" check ("outcome" in ('IN_PROGRESS', 'COMPLETED', 'BROKEN_OFF', 'REDIRECTED'));`);
    this.addSql('alter table "deliveries" add constraint "deliveries_bytes_sent_check" check (bytes_sent >= 0);');
    this.addSql(`update "deliveries" set "outcome" = 'COMPLETED', "bytes_sent" = "byte_size", "ended_at" = "created_at";`);

    this.addSql(`insert into "selection_locks" ("image_id", "job_id", "locked_by_id", "locked_at", "via")
      select distinct on (coalesce(i.derived_from_id, i.id)) coalesce(i.derived_from_id, i.id), i.job_id, d.user_id, d.created_at, d.path
        from "deliveries" d
        join "images" i on i.id = d.image_id
        join "jobs" j on j.id = i.job_id
        join "users" u on u.id = d.user_id
       where u.role = 'CUSTOMER' and u.customer_id = j.customer_id
       order by coalesce(i.derived_from_id, i.id), d.created_at;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "selection_locks" cascade;');
    this.addSql('alter table "deliveries" drop constraint "deliveries_outcome_check", drop constraint "deliveries_bytes_sent_check", drop column "outcome", drop column "bytes_sent", drop column "ended_at";');
  }
}
