import { Migration } from '@mikro-orm/migrations';

/**
 * AI-enhancement entitlements: `plans` with three default plans, every customer on a plan (the
 * free plan by default, existing customers included) with a credit balance, and `usage_charges`,
 * one row per enhancement task. `usage_charges.enhancement_id` is unique but not yet a foreign
 * key: the enhancement table comes with its own migration.
 */
export class Migration20261123040000PlansAndUsage extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "plans" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "key" text not null, "name" text not null, "daily_units" int not null, "monthly_units" int not null, "max_upscale" int not null, "face_enhance" boolean not null, "credits_allowed" boolean not null, primary key ("id"));');
    this.addSql('alter table "plans" add constraint "plans_key_unique" unique ("key");');
    this.addSql('alter table "plans" add constraint "plans_max_upscale_check" check (max_upscale IN (2, 4, 8));');
    this.addSql('alter table "plans" add constraint "plans_units_check" check (daily_units >= 0 AND monthly_units >= 0);');
    // The free plan's id is fixed: it is the default of customers.plan_id (FREE_PLAN_ID in plan.entity.ts).
    this.addSql(`insert into "plans" ("id", "key", "name", "daily_units", "monthly_units", "max_upscale", "face_enhance", "credits_allowed") values
      ('5f0e8c1a-7b1d-4c3e-9a51-0f2e6d1c0001', 'free', 'Free', 5, 20, 2, false, false),
      ('5f0e8c1a-7b1d-4c3e-9a51-0f2e6d1c0002', 'standard', 'Standard', 50, 500, 4, true, true),
      ('5f0e8c1a-7b1d-4c3e-9a51-0f2e6d1c0003', 'studio', 'Studio', 200, 3000, 8, true, true);`);

    this.addSql(`alter table "customers" add "plan_id" uuid not null default '5f0e8c1a-7b1d-4c3e-9a51-0f2e6d1c0001', add "credit_balance" int not null default 0;`);
    this.addSql('alter table "customers" add constraint "customers_plan_id_foreign" foreign key ("plan_id") references "plans" ("id") on delete restrict;');
    this.addSql('alter table "customers" add constraint "customers_credit_balance_check" check (credit_balance >= 0);');

    this.addSql('create table "usage_charges" ("id" uuid not null default gen_random_uuid(), "customer_id" uuid not null, "enhancement_id" uuid not null, "units" int not null, "source" text not null, "charged_at" timestamptz not null, "refunded_at" timestamptz null, "refund_reason" text null, primary key ("id"));');
    this.addSql('alter table "usage_charges" add constraint "usage_charges_enhancement_id_unique" unique ("enhancement_id");');
    this.addSql('create index "usage_charges_customer_charged_idx" on "usage_charges" ("customer_id", "charged_at");');
    this.addSql('alter table "usage_charges" add constraint "usage_charges_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete restrict;');
    this.addSql('alter table "usage_charges" add constraint "usage_charges_units_check" check (units > 0);');
    this.addSql(`alter table "usage_charges" add constraint "usage_charges_source_check" check ("source" in ('PLAN', 'CREDITS'));`);
    this.addSql(`alter table "usage_charges" add constraint "usage_charges_refund_reason_check" check ("refund_reason" in ('CANCELED', 'PROVIDER_FAILURE'));`);
    this.addSql('alter table "usage_charges" add constraint "usage_charges_refund_check" check ((refunded_at IS NULL) = (refund_reason IS NULL));');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "usage_charges";');
    this.addSql('alter table "customers" drop constraint if exists "customers_credit_balance_check", drop constraint if exists "customers_plan_id_foreign";');
    this.addSql('alter table "customers" drop column if exists "plan_id", drop column if exists "credit_balance";');
    this.addSql('drop table if exists "plans";');
  }
}
