import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authed, type AuthedContext, type RequestContext } from '../../graphql/context.js';
import { JobConnection, JobsArgs } from '../jobs/job.types.js';
import { User } from '../users/user.entity.js';
import { Customer } from './customer.entity.js';
import { CreateCustomerInput, CustomerConnection, CustomersArgs, UpdateCustomerInput } from './customer.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';
import { lookupByIds, MAX_LOOKUP_IDS } from '../../graphql/lookup-by-ids.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Requires('customer.list')
  @Query(() => CustomerConnection)
  customers(@Args() args: CustomersArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.customers.list(ctx.em, args);
  }

  @Requires('customer.read')
  @Query(() => [Customer], { nullable: 'items', description: `The customers with these ids, in the order asked; null where an id is unknown or the caller may not see the customer. At most ${MAX_LOOKUP_IDS} ids.` })
  customersByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<(Customer | null)[]> {
    return lookupByIds(ctx, 'customer.read', Customer, ids);
  }

  @Requires('customer.read', { ids: idsFrom.arg('id') })
  @Query(() => Customer)
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.get(ctx.em, id);
  }

  @Requires('customer.create')
  @Mutation(() => Customer)
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.create(ctx.em, input);
  }

  @Requires('customer.update')
  @Mutation(() => Customer)
  updateCustomer(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCustomerInput, @Ctx() ctx: RequestContext): Promise<Customer> {
    return ctx.services.customers.update(ctx.em, id, input);
  }

  @FieldResolver(() => JobConnection, { description: 'The customer’s jobs that the viewer may see.' })
  jobs(@Root() customer: Customer, @Args() args: JobsArgs, @Authed() ctx: AuthedContext) {
    return ctx.services.jobs.list(ctx.em, ctx.user, args, { customer: customer.id });
  }

  @FieldResolver(() => [User], { nullable: true, description: 'The customer’s users (staff only).' })
  users(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.services.users.ofCustomer(ctx.em, customer.id);
  }
}
