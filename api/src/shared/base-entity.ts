import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * An opaque UUID id and a creation time: every row a user can name, including append-only records.
 * type-graphql copies inherited fields only from a decorated base class; no type declares
 * `implements`, so these interfaces stay out of the schema.
 */
@InterfaceType('Record', { description: 'A stored record with an opaque, stable id.' })
export abstract class RecordEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A record that changes over time. */
@InterfaceType('Node', { description: 'An object with an opaque, stable id that changes over time.' })
export abstract class BaseEntity extends RecordEntity {
  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
