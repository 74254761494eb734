import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { PageArgs } from '../../shared/connection.js';
import { loadById, loadReference } from '../../shared/load-reference.js';
import { Customer } from '../customers/customer.entity.js';
import { Image, type ImageView } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntriesArgs, AuditEntryConnection } from './audit.types.js';
import { Requires } from '../../graphql/requires.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Requires('audit.read')
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first unless sortDirection says ASC (staff only).' })
  auditEntries(@Args() args: AuditEntriesArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.audit.list(ctx.em, args.filter ?? {}, args, args.sortDirection);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The acting user now; actorName and actorRole are as they were then.' })
  actor(@Root() entry: AuditEntry): Promise<User | null> {
    return loadReference(entry.actor);
  }

  @FieldResolver(() => Job, { nullable: true, description: 'Null when the job has been removed since.' })
  job(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<Job | null> {
    return entry.jobId ? loadById(ctx.em, Job, entry.jobId) : Promise.resolve(null);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer whose job, image or plan changed; null when removed since.' })
  customer(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return entry.customerId ? loadById(ctx.em, Customer, entry.customerId) : Promise.resolve(null);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user whose role, customer, activation or second factor was changed (subject USER); null otherwise.' })
  user(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<User | null> {
    return entry.userId ? loadById(ctx.em, User, entry.userId) : Promise.resolve(null);
  }

  @FieldResolver(() => Image, { nullable: true, description: 'Null for job changes, and when the image has been removed since.' })
  image(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<Image | null> {
    return entry.imageId ? loadById(ctx.em, Image, entry.imageId) : Promise.resolve(null);
  }
}

@Resolver(() => Customer)
export class CustomerAuditResolver {
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this customer (plan, credits), to its jobs and images and to its users, newest first (staff only).' })
  auditTrail(@Root() customer: Customer, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.audit.list(ctx.em, { customerId: customer.id }, page);
  }
}

@Resolver(() => Job)
export class JobAuditResolver {
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this job and its images, newest first (staff only).' })
  auditTrail(@Root() job: Job, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.audit.list(ctx.em, { jobId: job.id }, page);
  }
}

@Resolver(() => Image)
export class ImageAuditResolver {
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this image, newest first (staff only).' })
  auditTrail(@Root() image: ImageView, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.audit.list(ctx.em, { imageId: image.id }, page);
  }
}

@Resolver(() => User)
export class UserAuditResolver {
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes administrators made to this user (role, customer, activation, second factor), newest first (staff only).' })
  auditTrail(@Root() user: User, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.audit.list(ctx.em, { userId: user.id }, page);
  }
}
