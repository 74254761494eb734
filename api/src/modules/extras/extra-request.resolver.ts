import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authed, type AuthedContext, callerOf, type RequestContext } from '../../graphql/context.js';
import { Requires } from '../../graphql/requires.js';
import { SelectionState } from '../../shared/domain/image-enums.js';
import { loadReference } from '../../shared/load-reference.js';
import { Image, type ImageView } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { ExtraRequest, ExtraRequestStatus } from './extra-request.entity.js';
import { ExtraDecision, ExtraRequestConnection, ExtraRequestsArgs } from './extra-request.types.js';

const STATE_FOR: Record<ExtraDecision, SelectionState> = {
  PAID: SelectionState.EXTRA_PAID,
  FREE: SelectionState.EXTRA_FREE,
  DECLINED: SelectionState.NONE,
};

@Resolver(() => ExtraRequest)
export class ExtraRequestResolver {
  @Requires('extra-request.list')
  @Query(() => ExtraRequestConnection, { description: 'Requests for extras across jobs, oldest first: the back office’s inbox (staff only).' })
  extraRequests(@Args() args: ExtraRequestsArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.extras.list(ctx.em, args);
  }

  @Requires('extra-request.decide')
  @Mutation(() => ExtraRequest, {
    description:
      'Decides a PENDING request (staff): PAID or FREE release the image as an extra, DECLINED returns it to NONE. The note is shown to the customer and is the audit entry’s reason. A decline may say from when the customer may ask again, or that they may not (final). A request decided already: CONFLICT with reason NOT_PENDING.',
  })
  async decideExtraRequest(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ExtraDecision) decision: ExtraDecision,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('mayAskAgainFrom', () => Date, { nullable: true }) mayAskAgainFrom: Date | null,
    @Arg('final', () => Boolean, { nullable: true, defaultValue: false }) final: boolean,
    @Authed() ctx: AuthedContext,
  ): Promise<ExtraRequest> {
    const request = await ctx.services.extras.pending(ctx.em, id);
    await ctx.services.selection.setStates(ctx.em, callerOf(ctx), [request.image.id], STATE_FOR[decision], note, { mayAskAgainFrom, final });
    return (await ctx.em.refresh(request))!;
  }

  @FieldResolver(() => Image)
  image(@Root() request: ExtraRequest): Promise<Image> {
    return loadReference(request.image);
  }

  @FieldResolver(() => Job)
  job(@Root() request: ExtraRequest): Promise<Job> {
    return loadReference(request.job);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who asked (staff only).' })
  requestedBy(@Root() request: ExtraRequest): Promise<User | null> {
    return loadReference(request.requestedBy);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who decided (staff only).' })
  decidedBy(@Root() request: ExtraRequest): Promise<User | null> {
    return loadReference(request.decidedBy);
  }
}

@Resolver(() => Image)
export class ImageExtraRequestsResolver {
  @FieldResolver(() => [ExtraRequest], { description: 'Requests for this image as an extra, newest first: what the customer asked and what the studio decided.' })
  extraRequests(@Root() image: ImageView, @Ctx() ctx: RequestContext): Promise<ExtraRequest[]> {
    return ctx.loaders.imageExtraRequests.load(image.id);
  }
}

@Resolver(() => Job)
export class JobExtraRequestsResolver {
  @FieldResolver(() => [ExtraRequest], {
    description:
      'Requests for extras in this job, newest first: what was asked, and the studio’s decision with its note (PAID, FREE, or DECLINED with mayAskAgainFrom / final). '
      + 'Customers see those on images they can see.',
  })
  extraRequests(
    @Root() job: Job,
    @Arg('status', () => [ExtraRequestStatus], { nullable: true, description: 'Only requests in these states.' }) status: ExtraRequestStatus[] | null,
    @Authed() ctx: AuthedContext,
  ): Promise<ExtraRequest[]> {
    return ctx.services.extras.forJob(ctx.em, ctx.user, job.id, status);
  }
}

