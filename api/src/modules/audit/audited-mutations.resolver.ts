import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { callerOf, type RequestContext } from '../../graphql/context.js';
import { SelectionState } from '../images/image-enums.js';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';

/** The staff operations that change what a customer may download; each writes the audit trail. */
@Resolver()
export class AuditedMutationsResolver {
  @Mutation(() => Job, { description: 'Changes the package size. Refused below the number already included; CONFLICT when expectedVersion is stale.' })
  setIncludedImages(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('includedImages', () => Int) includedImages: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The job version the change is based on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Job> {
    return ctx.services.packages.setIncludedImages(ctx.em, callerOf(ctx), jobId, includedImages, reason, expectedVersion);
  }

  @Mutation(() => Job, { description: 'Releases (or withdraws) every image of the job at once; BLOCKED images stay withheld.' })
  setAllImagesIncluded(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('value') value: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Job> {
    return ctx.services.packages.setAllImagesIncluded(ctx.em, callerOf(ctx), jobId, value, reason, expectedVersion);
  }

  @Mutation(() => Image, { description: 'Sets an image’s selection state, e.g. EXTRA_FREE as goodwill or BLOCKED to withhold it.' })
  async setImageSelectionState(
    @Arg('imageId', () => ID) imageId: string,
    @Arg('state', () => SelectionState) state: SelectionState,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Image> {
    const [image] = await ctx.services.selection.setStates(ctx.em, callerOf(ctx), [imageId], state, reason);
    return image!;
  }

  @Mutation(() => Image, {
    description: 'Lifts the selection lock a download put on an uploaded image, so its customer may deselect it again (audited). Enhanced images are locked through their original.',
  })
  unlockImageSelection(
    @Arg('imageId', () => ID) imageId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Image> {
    return ctx.services.selectionLocks.unlock(ctx.em, callerOf(ctx), imageId, reason);
  }

  @Mutation(() => [Image], { description: 'Sets the selection state of many images, all or nothing; one audit entry per changed image.' })
  setImagesSelectionState(
    @Arg('imageIds', () => [ID]) imageIds: string[],
    @Arg('state', () => SelectionState) state: SelectionState,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Image[]> {
    return ctx.services.selection.setStates(ctx.em, callerOf(ctx), imageIds, state, reason);
  }
}
