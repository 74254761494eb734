import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { Customer } from '../customers/customer.entity.js';
import { ImageConnection, ImagesArgs } from '../images/image.types.js';
import { Job } from './job.entity.js';
import { CreateJobInput, JobConnection, JobsArgs, UpdateJobInput } from './job.types.js';

@Resolver(() => Job)
export class JobResolver {
  @Query(() => JobConnection, { description: 'Jobs the viewer may see: staff all, customers their delivered jobs.' })
  jobs(@Args() args: JobsArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.jobs.list(ctx.em, ctx.user!, args);
  }

  @Query(() => Job)
  job(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.get(ctx.em, id);
  }

  @Mutation(() => Job, { description: 'Sets the initial package; later changes go through the audited mutations.' })
  createJob(@Arg('input') input: CreateJobInput, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.create(ctx.em, input);
  }

  @Mutation(() => Job)
  updateJob(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateJobInput, @Ctx() ctx: RequestContext): Promise<Job> {
    return ctx.services.jobs.update(ctx.em, id, input);
  }

  @FieldResolver(() => Customer)
  customer(@Root() job: Job): Promise<Customer> {
    return loadReference(job.customer);
  }

  @FieldResolver(() => ImageConnection, { description: 'The job’s images the viewer may see: customers get READY images only.' })
  images(@Root() job: Job, @Args() args: ImagesArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.images.listForJob(ctx.em, ctx.user!, job.id, args);
  }
}
