import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Opaque UUID ids and timestamps shared by every table a user can name. type-graphql copies inherited
 * fields only from a decorated base class; no type declares `implements Node`, so it stays out of the schema.
 */
@InterfaceType('Node', { description: 'An object with an opaque, stable id.' })
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
