import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authed, type AuthedContext, callerOf, type RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { Customer } from '../customers/customer.entity.js';
import { Plan } from './plan.entity.js';
import { Requires, idsFrom } from '../../graphql/requires.js';

@Resolver(() => Plan)
export class PlanResolver {
  @Requires('plan.list')
  @Query(() => [Plan], { description: 'Every plan, smallest first, to compare.' })
  plans(@Ctx() ctx: RequestContext): Promise<Plan[]> {
    return ctx.services.plans.list(ctx.em);
  }

  @Requires('customer.plan.update', { ids: idsFrom.arg('customerId') })
  @Mutation(() => Customer, { description: 'Puts the customer on another plan (staff only); writes an audit entry with the customer as subject.' })
  setCustomerPlan(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('planId', () => ID) planId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Customer> {
    return ctx.services.plans.setCustomerPlan(ctx.em, callerOf(ctx), customerId, planId, reason);
  }

  @Requires('customer.credits.grant', { ids: idsFrom.arg('customerId') })
  @Mutation(() => Customer, { description: 'Adds enhancement credits to the customer’s balance, or takes them back with a negative number (never below 0). Staff only; audited.' })
  grantEnhancementCredits(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('units', () => Int) units: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Authed() ctx: AuthedContext,
  ): Promise<Customer> {
    return ctx.services.plans.grantCredits(ctx.em, callerOf(ctx), customerId, units, reason);
  }
}

@Resolver(() => Customer)
export class CustomerPlanResolver {
  @FieldResolver(() => Plan, { nullable: true, description: 'The customer’s AI-enhancement plan. Staff and the customer’s own users.' })
  plan(@Root() customer: Customer): Promise<Plan> {
    return loadReference(customer.plan);
  }
}
