import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity.js';

/** What paid for a charge: the plan's caps, or the customer's credit balance. */
export enum UsageSource {
  PLAN = 'PLAN',
  CREDITS = 'CREDITS',
}

/** Why units were given back. Only these: a task that ran and succeeded stays paid. */
export enum RefundReason {
  CANCELED = 'CANCELED',
  PROVIDER_FAILURE = 'PROVIDER_FAILURE',
}

/**
 * The units one enhancement task cost, written in the transaction that creates the task. A refund
 * marks the row rather than deleting it, so the history of what was charged and returned stays.
 * `enhancementId` is one charge per task; it is not a foreign key because tasks live in another
 * module's table.
 */
@Entity({ tableName: 'usage_charges' })
@Check({ name: 'usage_charges_units_check', expression: 'units > 0' })
@Check({ name: 'usage_charges_refund_check', expression: '(refunded_at IS NULL) = (refund_reason IS NULL)' })
@Index({ name: 'usage_charges_customer_charged_idx', properties: ['customer', 'chargedAt'] })
export class UsageCharge {
  [OptionalProps]?: 'refundedAt' | 'refundReason';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer, deleteRule: 'restrict' })
  customer!: Rel<Customer>;

  @Property({ type: 'uuid', unique: 'usage_charges_enhancement_id_unique' })
  enhancementId!: string;

  @Property({ type: 'integer' })
  units!: number;

  @Enum({ items: () => UsageSource })
  source!: UsageSource;

  @Property({ type: 'timestamptz' })
  chargedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  refundedAt: Date | null = null;

  @Enum({ items: () => RefundReason, nullable: true })
  refundReason: RefundReason | null = null;
}
