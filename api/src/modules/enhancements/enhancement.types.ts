import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../shared/connection.js';
import { EnhancementStatus } from './enhancement.entity.js';
import { Enhancement } from './enhancement.entity.js';
import { ModelCategory, ParameterKind } from '../../shared/domain/model-catalogue.js';

export const EnhancementConnection = Connection(Enhancement, 'Enhancement');

@ObjectType({ description: 'A parameter an enhancement model accepts in `params`.' })
export class EnhancementParameter {
  @Field() name!: string;
  @Field(() => ParameterKind) kind!: ParameterKind;
  @Field() description!: string;
  @Field(() => GraphQLJSON, { description: 'Used when `params` leaves the parameter out.' }) defaultValue!: number | boolean;
  @Field(() => [Float], { nullable: true, description: 'For CHOICE parameters.' }) allowedValues?: number[];
  @Field(() => Float, { nullable: true, description: 'For RANGE parameters.' }) min?: number;
  @Field(() => Float, { nullable: true, description: 'For RANGE parameters.' }) max?: number;
}

@ObjectType({ description: 'A model this deployment offers for enhancements, with its limits and cost.' })
export class EnhancementModel {
  @Field() id!: string;
  @Field() name!: string;
  @Field({ description: 'What the model is for, and for which images.' }) description!: string;
  @Field(() => ModelCategory) category!: ModelCategory;
  @Field({ description: 'Where it runs: local (this server), replicate or huggingface.' }) provider!: string;
  @Field(() => [EnhancementParameter]) parameters!: EnhancementParameter[];
  @Field(() => Int, { nullable: true, description: 'How many times wider and taller the result is; null when the `scale` parameter decides.' })
  outputScale!: number | null;
  @Field(() => Float, { description: 'The largest source image it takes, in megapixels.' }) maxInputMegapixels!: number;
  @Field(() => Int, { description: 'Usage units one image costs against a customer’s plan.' }) costUnits!: number;
}

@InputType()
export class EnhancementFilter {
  @Field(() => ID, { nullable: true }) jobId?: string;
  @Field(() => ID, { nullable: true, description: 'Tasks on this source image.' }) imageId?: string;
  @Field(() => [EnhancementStatus], { nullable: true }) status?: EnhancementStatus[];
}

@ArgsType()
export class EnhancementsArgs extends PageArgs {
  @Field(() => EnhancementFilter, { nullable: true }) filter?: EnhancementFilter;
}
