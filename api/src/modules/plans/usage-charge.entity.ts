import { DeferMode, OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity.js';
import { Enhancement } from '../enhancements/enhancement.entity.js';

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
 * One charge per task, and no charge without its task.
 */
@Entity({ tableName: 'usage_charges' })
@Check({ name: 'usage_charges_units_check', expression: 'units > 0' })
@Check({ name: 'usage_charges_refund_check', expression: '(refunded_at IS NULL) = (refund_reason IS NULL)' })
@Index({ name: 'usage_charges_customer_charged_idx', properties: ['customer', 'chargedAt'] })
@Unique({ name: 'usage_charges_enhancement_id_unique', properties: ['enhancementId'] })
export class UsageCharge {
  [OptionalProps]?: 'refundedAt' | 'refundReason';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer, deleteRule: 'restrict' })
  customer!: Rel<Customer>;

  /**
   * The task, by id. Checked at commit, because the charge is decided, under the customer's lock,
   * before the task rows are written in the same transaction.
   */
  @ManyToOne({ entity: () => Enhancement, fieldName: 'enhancement_id', mapToPk: true, deleteRule: 'restrict', deferMode: DeferMode.INITIALLY_DEFERRED })
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
