import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionWants } from '../../shared/connection.js';
import { Delivery } from '../downloads/delivery.entity.js';
import { Authed, type AuthedContext, callerOf, type RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { Customer } from '../customers/customer.entity.js';
import { ImageConnection, ImagesArgs } from '../images/image.types.js';
import { Job } from './job.entity.js';
import { CreateJobInput, JobConnection, JobsArgs, SelectionCounts, UpdateJobInput } from './job.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';
import { lookupByIds, MAX_LOOKUP_IDS } from '../../graphql/lookup-by-ids.js';

@Resolver(() => Job)
export class JobResolver {
  @Requires('job.list')
  @Query(() => JobConnection, { description: 'Jobs the viewer may see: staff all, customers their delivered jobs.' })
  jobs(@Args() args: JobsArgs, @Authed() ctx: AuthedContext) {
    return ctx.services.jobs.list(ctx.em, ctx.user, args);
  }

  @Requires('job.read')
  @Query(() => [Job], { nullable: 'items', description: `The jobs with these ids, in the order asked; null where an id is unknown or the caller may not see the job. At most ${MAX_LOOKUP_IDS} ids.` })
  jobsByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<(Job | null)[]> {
    return lookupByIds(ctx, 'job.read', Job, ids);
  }

  @Requires('job.read', { ids: idsFrom.arg('id') })
  @Query(() => Job)
  job(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.get(ctx.em, id);
  }

  @Requires('job.create')
  @Mutation(() => Job, { description: 'Sets the initial package; later changes go through the audited mutations.' })
  createJob(@Arg('input') input: CreateJobInput, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.create(ctx.em, input);
  }

  @Requires('job.update')
  @Mutation(() => Job, { description: 'Changes title, settings and status; a status change is audited with `reason`. The package changes only through setIncludedImages and setAllImagesIncluded.' })
  updateJob(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateJobInput, @Authed() ctx: AuthedContext): Promise<Job> {
    return ctx.services.jobs.update(ctx.em, callerOf(ctx), id, input);
  }

  @FieldResolver(() => Customer)
  customer(@Root() job: Job): Promise<Customer> {
    return loadReference(job.customer);
  }

  @FieldResolver(() => Int, { description: 'Images selected within the package (INCLUDED).' })
  async includedCount(@Root() job: Job, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.jobImageCounts.load(job.id)).included;
  }

  @FieldResolver(() => Int, { description: 'Extras requested and not yet decided (EXTRA_PENDING).' })
  async pendingExtraCount(@Root() job: Job, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.jobImageCounts.load(job.id)).pendingExtra;
  }

  @FieldResolver(() => SelectionCounts, { description: 'How many of the job’s uploaded READY images are in each selection state: the package bar and the state filters.' })
  async selectionCounts(@Root() job: Job, @Ctx() ctx: RequestContext): Promise<SelectionCounts> {
    return (await ctx.loaders.jobImageCounts.load(job.id)).bySelectionState;
  }

  @FieldResolver(() => Int, { description: 'Images released to the customer (rule 1).' })
  async downloadableCount(@Root() job: Job, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.jobImageCounts.load(job.id)).downloadable;
  }

  @FieldResolver(() => [Delivery], { nullable: true, description: 'Every image delivered from this job, newest first (staff only).' })
  deliveries(@Root() job: Job, @Ctx() ctx: RequestContext): Promise<Delivery[]> {
    return ctx.services.deliveries.forJob(ctx.em, job.id);
  }

  @FieldResolver(() => ImageConnection, { description: 'The job’s images the viewer may see: customers get READY images only. `first` may be up to 500 here.' })
  images(@Root() job: Job, @Args() args: ImagesArgs, @Authed() ctx: AuthedContext, @Info() info: GraphQLResolveInfo) {
    return ctx.services.images.listForJob(ctx.em, ctx.user, job, args, connectionWants(info));
  }
}
