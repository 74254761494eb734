import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isReleased } from '../../policy/download-policy.js';
import { Delivery } from '../downloads/delivery.entity.js';
import { Authed, type AuthedContext, callerOf, type RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { andThen } from '../../shared/maybe-promise.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { factsFor } from './image-facts.js';
import { Image, type ImageView } from './image.entity.js';
import { AllImagesArgs, ImageConnection, ImageRemoval, ImageUpload, RequestImageUploadInput } from './image.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';
import { lookupByIds, MAX_LOOKUP_IDS } from '../../graphql/lookup-by-ids.js';

const lockLookup = (ctx: RequestContext) => (imageId: string) => ctx.loaders.selectionLocked.load(imageId);

@Resolver(() => Image)
export class ImageResolver {
  @Requires('image.read', { ids: idsFrom.arg('id') })
  @Query(() => Image)
  image(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Image> {
    return ctx.services.images.get(ctx.em, id);
  }

  @Requires('image.list')
  @Query(() => ImageConnection, { description: 'Images across jobs the caller may see (customers: READY images of their delivered jobs), by the time of their last change.' })
  images(@Args() args: AllImagesArgs, @Authed() ctx: AuthedContext) {
    return ctx.services.images.listAll(ctx.em, ctx.user, args);
  }

  @Requires('image.list')
  @Query(() => [Image], {
    nullable: 'items',
    description: `The images with these ids (at most ${MAX_LOOKUP_IDS}), in the order asked; null where an id is unknown or the caller may not see the image (customers see READY images of their delivered jobs only). An uploader polls this until its images are READY or FAILED.`,
  })
  imagesByIds(@Arg('ids', () => [ID]) ids: string[], @Authed() ctx: AuthedContext): Promise<(Image | null)[]> {
    return lookupByIds(ctx, 'image.read', Image, ids);
  }

  @Requires('image.render.retry', { ids: idsFrom.arg('imageId') })
  @Mutation(() => Image, { description: 'Renders an image again whose renditions failed with RENDER_FAILED (storage or workers, not the image); it becomes PROCESSING. Anything else: CONFLICT with reason NOT_RETRYABLE.' })
  async retryImageRender(@Arg('imageId', () => ID) imageId: string, @Authed() ctx: AuthedContext): Promise<Image> {
    const image = await ctx.services.images.get(ctx.em, imageId);
    return ctx.services.renderTasks.retry(ctx.em, image);
  }

  @Requires('image.remove', { ids: idsFrom.arg('imageId') })
  @Mutation(() => ImageRemoval, {
    description:
      'Takes a wrong upload away (staff). Never delivered, audited or enhanced: deleted with its files. Otherwise kept as REMOVED: customers no longer see or download it, its place in the package is given back (or, with `replacementId`, taken over by that READY or PROCESSING upload of the same job), and enhanced images made from it go with it. Audited with the reason. Removing a REMOVED image again does nothing; while an enhancement of it runs: CONFLICT ENHANCEMENT_RUNNING.',
  })
  removeImage(
    @Arg('imageId', () => ID) imageId: string,
    @Authed() ctx: AuthedContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
    @Arg('replacementId', () => ID, { nullable: true }) replacementId?: string,
  ): Promise<ImageRemoval> {
    return ctx.services.imageRemoval.remove(ctx.em, callerOf(ctx), imageId, reason, replacementId);
  }

  @Requires('image.upload', { ids: idsFrom.input('jobId'), limit: 'upload' })
  @Mutation(() => ImageUpload, { description: 'Creates a PENDING image and returns where to PUT its bytes.' })
  async requestImageUpload(@Arg('input') input: RequestImageUploadInput, @Authed() ctx: AuthedContext): Promise<ImageUpload> {
    const job = await ctx.services.jobs.get(ctx.em, input.jobId);
    return ctx.services.uploads.request(ctx.em, callerOf(ctx), job, input);
  }

  @Requires('image.upload.complete', { ids: idsFrom.arg('imageId'), limit: 'upload' })
  @Mutation(() => Image, {
    description: 'Verifies the uploaded bytes (size, SHA-256, type from the content) and queues the rendering of its previews: the image becomes PROCESSING, then READY (or FAILED with `failureReason`); poll `imagesByIds`. A mismatch fails it at once.',
  })
  async completeImageUpload(@Arg('imageId', () => ID) imageId: string, @Authed() ctx: AuthedContext): Promise<Image> {
    const image = await ctx.services.images.get(ctx.em, imageId);
    return ctx.services.uploads.complete(ctx.em, callerOf(ctx), image);
  }

  @FieldResolver(() => Job)
  job(@Root() image: ImageView): Promise<Job> {
    return loadReference(image.job);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who uploaded the image (staff only).' })
  uploadedBy(@Root() image: ImageView): Promise<User | null> {
    return loadReference(image.uploadedBy);
  }

  @FieldResolver(() => Boolean, {
    description: 'Released to the job’s customer (rule 1): not BLOCKED, and the job includes all images or the image is INCLUDED, EXTRA_PAID or EXTRA_FREE.',
  })
  downloadable(@Root() image: ImageView, @Ctx() ctx: RequestContext): boolean | Promise<boolean> {
    return andThen(factsFor(image, lockLookup(ctx)), isReleased);
  }

  @FieldResolver(() => Boolean, {
    description:
      'A download to the job’s customer has started, so the customer can no longer deselect the image (for an enhanced image: its original). Downloading it again is free; staff can unlock it.',
  })
  locked(@Root() image: ImageView, @Ctx() ctx: RequestContext): boolean | Promise<boolean> {
    return andThen(factsFor(image, lockLookup(ctx)), (facts) => facts.locked);
  }

  @FieldResolver(() => [Delivery], { nullable: true, description: 'Who downloaded this image, newest first (staff only).' })
  deliveries(@Root() image: ImageView, @Ctx() ctx: RequestContext): Promise<Delivery[]> {
    return ctx.services.deliveries.forImage(ctx.em, image.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Short-lived URL of the ~1600 px preview; watermarked unless the viewer may have the clean one.' })
  previewUrl(@Root() image: ImageView, @Authed() ctx: AuthedContext): string | null | Promise<string | null> {
    return ctx.services.media.renditionUrl(ctx.user, image, 'preview', lockLookup(ctx), ctx.receivedAt);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Short-lived URL of the ~400 px thumbnail; watermarked unless the viewer may have the clean one.' })
  thumbnailUrl(@Root() image: ImageView, @Authed() ctx: AuthedContext): string | null | Promise<string | null> {
    return ctx.services.media.renditionUrl(ctx.user, image, 'thumbnail', lockLookup(ctx), ctx.receivedAt);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'When previewUrl and thumbnailUrl of this response stop working (null when they are null). Ask for the image again before then; every URL in one response expires at the same time.',
  })
  mediaUrlsExpireAt(@Root() image: ImageView, @Authed() ctx: AuthedContext): Date | null {
    return ctx.services.media.expiryOf(image, ctx.receivedAt);
  }
}
