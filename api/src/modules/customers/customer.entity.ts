import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';

@ObjectType({ description: 'The paying account (an estate agency, a family): has users and jobs.' })
@Entity({ tableName: 'customers' })
export class Customer extends BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'contactEmail' | 'notes';

  @Field()
  @Index({ name: 'customers_name_idx' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  contactEmail: string | null = null;

  @Field(() => String, { nullable: true, description: 'Internal notes, visible to staff only.' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}
