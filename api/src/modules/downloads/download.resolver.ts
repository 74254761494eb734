import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Authed, type AuthedContext, type RequestContext } from '../../graphql/context.js';
import { loadById, loadReference } from '../../shared/load-reference.js';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { Delivery } from './delivery.entity.js';
import { DownloadDenied, toForbidden } from './download.service.js';
import { DownloadTicket } from './download.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';

@Resolver()
export class DownloadResolver {
  @Requires('image.download', { ids: idsFrom.arg('imageId'), limit: 'download' })
  @Mutation(() => DownloadTicket, { description: 'A link to download one original, if it is released to you.' })
  async imageDownloadUrl(@Arg('imageId', () => ID) imageId: string, @Authed() ctx: AuthedContext): Promise<DownloadTicket> {
    return denialsAsForbidden(ctx, () => ctx.services.downloads.imageTicket(ctx.em, ctx.user, imageId));
  }

  @Requires('job.download', { ids: idsFrom.arg('jobId'), limit: 'download' })
  @Mutation(() => DownloadTicket, { description: 'A link to a ZIP of every image of the job released to you at the moment it is used.' })
  async jobArchiveDownload(@Arg('jobId', () => ID) jobId: string, @Authed() ctx: AuthedContext): Promise<DownloadTicket> {
    return denialsAsForbidden(ctx, () => ctx.services.downloads.archiveTicket(ctx.em, ctx.user, jobId));
  }
}

async function denialsAsForbidden<T>(ctx: RequestContext, issue: () => Promise<T>): Promise<T> {
  try {
    return await issue();
  } catch (error) {
    if (!(error instanceof DownloadDenied)) throw error;
    ctx.access.recordPolicyDenial(error.details.imageId ? 'image.download' : 'job.download', [error.details.imageId ?? error.details.jobId ?? ''], { policy: error.reason, ...error.details });
    throw toForbidden(error);
  }
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @FieldResolver(() => User)
  user(@Root() delivery: Delivery): Promise<User> {
    return loadReference(delivery.user);
  }

  @FieldResolver(() => Image, { nullable: true, description: 'Null when the image has been removed since.' })
  image(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<Image | null> {
    return loadById(ctx.em, Image, delivery.imageId);
  }

  @FieldResolver(() => Job, { nullable: true, description: 'Null when the job has been removed since.' })
  job(@Root() delivery: Delivery, @Ctx() ctx: RequestContext): Promise<Job | null> {
    return loadById(ctx.em, Job, delivery.jobId);
  }
}
