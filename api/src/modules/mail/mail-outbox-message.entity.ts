import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';

/**
 * Mail the API would have sent, kept in a table instead. Only outside production and only while
 * SMTP_URL is unset, so sign-in codes work out of the box on a developer's machine.
 */
@ObjectType({ description: 'A message in the development mail outbox (SMTP_URL unset, never in production).' })
@Entity({ tableName: 'mail_outbox' })
@Index({ name: 'mail_outbox_created_idx', properties: ['createdAt'] })
export class MailOutboxMessage extends RecordEntity {
  [OptionalProps]?: 'createdAt';

  @Field()
  @Property({ type: 'text' })
  to!: string;

  @Field()
  @Property({ type: 'text' })
  subject!: string;

  @Field()
  @Property({ type: 'text' })
  text!: string;
}
