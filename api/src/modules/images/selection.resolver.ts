import { Arg, ID, Mutation, Resolver } from 'type-graphql';
import { Authed, type AuthedContext, callerOf } from '../../graphql/context.js';
import { SelectionState } from '../../shared/domain/image-enums.js';
import { Image } from './image.entity.js';
import { Requires, idsFrom } from '../../graphql/requires.js';

/** Every change to an image's selection state and its lock: the customer's select/deselect and staff's audited ones (selection.service.ts, selection-lock.service.ts). */
@Resolver()
export class SelectionResolver {
  @Requires('image.select', { ids: idsFrom.arg('imageId') })
  @Mutation(() => Image, {
    description:
      'Selects the image: INCLUDED while the package has room, otherwise EXTRA_PENDING, a request for an extra that carries `extraNote` (see `Image.extraRequests`). After a decline that says so: CONFLICT with reason EXTRA_DECLINED (`final`, `mayAskAgainFrom`).',
  })
  selectImage(
    @Arg('imageId', () => ID) imageId: string,
    @Arg('extraNote', () => String, { nullable: true, description: 'For the studio, when the selection becomes a request for an extra (at most 1,000 characters).' }) extraNote: string | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Image> {
    return ctx.services.selection.select(ctx.em, callerOf(ctx), imageId, extraNote);
  }

  @Requires('image.select', { ids: idsFrom.arg('imageId') })
  @Mutation(() => Image, { description: 'Deselects the image, unless a download has locked it (see `locked`): then CONFLICT with reason ALREADY_DELIVERED.' })
  deselectImage(@Arg('imageId', () => ID) imageId: string, @Authed() ctx: AuthedContext): Promise<Image> {
    return ctx.services.selection.deselect(ctx.em, callerOf(ctx), imageId);
  }

  @Requires('image.selection.set')
  @Mutation(() => Image, { description: 'Sets an image’s selection state, e.g. EXTRA_FREE as goodwill or BLOCKED to withhold it.' })
  async setImageSelectionState(
    @Arg('imageId', () => ID) imageId: string,
    @Arg('state', () => SelectionState) state: SelectionState,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Image> {
    const [image] = await ctx.services.selection.setStates(ctx.em, callerOf(ctx), [imageId], state, reason);
    return image!;
  }

  @Requires('image.selection.set')
  @Mutation(() => [Image], { description: 'Sets the selection state of many images, all or nothing; one audit entry per changed image.' })
  setImagesSelectionState(
    @Arg('imageIds', () => [ID]) imageIds: string[],
    @Arg('state', () => SelectionState) state: SelectionState,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Image[]> {
    return ctx.services.selection.setStates(ctx.em, callerOf(ctx), imageIds, state, reason);
  }

  @Requires('image.unlock')
  @Mutation(() => Image, {
    description: 'Lifts the selection lock a download put on an uploaded image, so its customer may deselect it again (audited). Enhanced images are locked through their original.',
  })
  unlockImageSelection(
    @Arg('imageId', () => ID) imageId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Image> {
    return ctx.services.selectionLocks.unlock(ctx.em, callerOf(ctx), imageId, reason);
  }
}
