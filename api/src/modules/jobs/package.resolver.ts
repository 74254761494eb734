import { Arg, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Authed, type AuthedContext, callerOf } from '../../graphql/context.js';
import { Job } from './job.entity.js';
import { Requires } from '../../graphql/requires.js';

/** Package size and release-all: staff changes to what a job's customer may download, each audited (package.service.ts). */
@Resolver()
export class PackageResolver {
  @Requires('job.package.update')
  @Mutation(() => Job, { description: 'Changes the package size. Refused below the number already included; CONFLICT when expectedVersion is stale.' })
  setIncludedImages(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('includedImages', () => Int) includedImages: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The job version the change is based on.' }) expectedVersion: number | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Job> {
    return ctx.services.packages.setIncludedImages(ctx.em, callerOf(ctx), jobId, includedImages, reason, expectedVersion);
  }

  @Requires('job.package.update')
  @Mutation(() => Job, { description: 'Releases (or withdraws) every image of the job at once; BLOCKED images stay withheld.' })
  setAllImagesIncluded(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('value') value: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Job> {
    return ctx.services.packages.setAllImagesIncluded(ctx.em, callerOf(ctx), jobId, value, reason, expectedVersion);
  }
}
