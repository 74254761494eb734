import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authed, type AuthedContext, callerOf, type RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { Image, type ImageView } from '../images/image.entity.js';
import { User } from '../users/user.entity.js';
import { Enhancement, EnhancementFailure } from './enhancement.entity.js';
import { EnhancementConnection, EnhancementModel, EnhancementsArgs } from './enhancement.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';

@Resolver(() => Enhancement)
export class EnhancementResolver {
  @Requires('enhancement.model.list')
  @Query(() => [EnhancementModel], { description: 'The models this deployment offers, with what they are for, their parameters, limits and cost.' })
  enhancementModels(@Ctx() ctx: RequestContext): EnhancementModel[] {
    return ctx.services.enhancementModels.list();
  }

  @Requires('enhancement.read', { ids: idsFrom.arg('id') })
  @Query(() => Enhancement)
  enhancement(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Enhancement> {
    return ctx.services.enhancements.get(ctx.em, id);
  }

  @Requires('enhancement.list')
  @Query(() => EnhancementConnection, { description: 'Enhancement tasks the viewer may see, newest first: staff all, customers those on their images.' })
  enhancements(@Args() args: EnhancementsArgs, @Authed() ctx: AuthedContext) {
    return ctx.services.enhancements.list(ctx.em, ctx.user, args.filter, args);
  }

  @Requires('enhancement.create', { ids: idsFrom.arg('imageId'), limit: 'enhance' })
  @Mutation(() => Enhancement, { description: 'Queues an enhancement of one READY image. Customers’ tasks count against their plan.' })
  async enhanceImage(
    @Arg('imageId', () => ID) imageId: string,
    @Arg('modelId') modelId: string,
    @Arg('params', () => GraphQLJSONObject, { nullable: true, description: 'Parameters of the model (see enhancementModels); defaults fill the rest.' }) params: Record<string, unknown> | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Enhancement> {
    const [task] = await ctx.services.enhancements.enhance(ctx.em, callerOf(ctx), { imageIds: [imageId], modelId, params, field: 'imageId' });
    return task!;
  }

  @Requires('enhancement.create', { ids: idsFrom.list('imageIds'), limit: 'enhance' })
  @Mutation(() => [Enhancement], { description: 'Queues the same enhancement of up to 50 READY images, all or nothing.' })
  enhanceImages(
    @Arg('imageIds', () => [ID]) imageIds: string[],
    @Arg('modelId') modelId: string,
    @Arg('params', () => GraphQLJSONObject, { nullable: true }) params: Record<string, unknown> | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Enhancement[]> {
    return ctx.services.enhancements.enhance(ctx.em, callerOf(ctx), { imageIds, modelId, params, field: 'imageIds' });
  }

  @Requires('enhancement.cancel', { ids: idsFrom.arg('id') })
  @Mutation(() => Enhancement, { description: 'Cancels a task: at once while QUEUED (usage given back); while PROCESSING the worker stops within seconds and the result is discarded.' })
  cancelEnhancement(@Arg('id', () => ID) id: string, @Authed() ctx: AuthedContext): Promise<Enhancement> {
    return ctx.services.enhancements.cancel(ctx.em, callerOf(ctx), id);
  }

  @FieldResolver(() => Image, { nullable: true, description: 'The source image.' })
  image(@Root() task: Enhancement): Promise<Image | null> {
    return loadReference(task.image);
  }

  @FieldResolver(() => Image, { nullable: true, description: 'The derived image, once SUCCEEDED.' })
  result(@Root() task: Enhancement): Promise<Image | null> {
    return loadReference(task.result);
  }

  @FieldResolver(() => EnhancementModel, { nullable: true, description: 'The model, while this deployment still offers it.' })
  model(@Root() task: Enhancement, @Ctx() ctx: RequestContext): EnhancementModel | null {
    return ctx.services.enhancementModels.find(task.modelId) ?? null;
  }

  @FieldResolver(() => EnhancementFailure, { nullable: true, description: 'Why the task FAILED.' })
  error(@Root() task: Enhancement): EnhancementFailure | null {
    return task.errorCode && task.errorMessage ? { code: task.errorCode, message: task.errorMessage } : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who started the task (staff only).' })
  requestedBy(@Root() task: Enhancement): Promise<User | null> {
    return loadReference(task.requestedBy);
  }
}

@Resolver(() => Image)
export class ImageEnhancementResolver {
  @FieldResolver(() => [Enhancement], { description: 'Enhancement tasks on this image, newest first.' })
  enhancements(@Root() image: ImageView, @Ctx() ctx: RequestContext): Promise<Enhancement[]> {
    return ctx.loaders.imageEnhancements.load(image.id);
  }

  @FieldResolver(() => Image, {
    nullable: true,
    description: 'The uploaded original this image was made from by one or more enhancements (Enhancement.image names each task’s direct input); null for uploads.',
  })
  derivedFrom(@Root() image: ImageView): Promise<Image | null> {
    return loadReference(image.derivedFrom);
  }
}
