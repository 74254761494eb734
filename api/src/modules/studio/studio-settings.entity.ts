import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';

export const STUDIO_SETTINGS_ID = 1;

/** A deployment serves one studio, so its settings are a single row (id fixed to 1). */
@ObjectType({ description: 'The studio this deployment serves: its name, watermark and defaults.' })
@Entity({ tableName: 'studio_settings' })
@Check({ name: 'studio_settings_single_row', expression: 'id = 1' })
@Check({ name: 'studio_settings_default_included_images_check', expression: 'default_included_images >= 0' })
export class StudioSettings {
  [OptionalProps]?: 'updatedAt' | 'defaultIncludedImages' | 'defaultAllowCustomerUploads';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = STUDIO_SETTINGS_ID;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Drawn over previews of images the viewer may not download.' })
  @Property({ type: 'text' })
  watermarkText!: string;

  @Field(() => Int, { description: 'Package size a new job gets unless staff say otherwise.' })
  @Property({ type: 'integer' })
  defaultIncludedImages: number = 10;

  @Field({ description: 'Whether new jobs let their customer upload images.' })
  @Property({ type: 'boolean' })
  defaultAllowCustomerUploads: boolean = false;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
