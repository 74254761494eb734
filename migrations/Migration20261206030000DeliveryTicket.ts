import { Migration } from '@mikro-orm/migrations';

/** Deliveries name the ticket their transfer started with, so its URL can be resumed after the ticket expired (rule 7). */
export class Migration20261206030000DeliveryTicket extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "deliveries" add column "ticket_id" uuid null;');
    this.addSql('create index "deliveries_ticket_created_idx" on "deliveries" ("ticket_id", "created_at");');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "deliveries_ticket_created_idx";');
    this.addSql('alter table "deliveries" drop column "ticket_id";');
  }
}
