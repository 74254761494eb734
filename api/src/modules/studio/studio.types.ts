import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class UpdateStudioSettingsInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'Up to 60 characters; renditions made after the change use it.' }) watermarkText?: string;
  @Field(() => Int, { nullable: true }) defaultIncludedImages?: number;
  @Field(() => Boolean, { nullable: true }) defaultAllowCustomerUploads?: boolean;
}
