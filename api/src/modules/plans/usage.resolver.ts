import { Arg, ID, Query, Resolver } from 'type-graphql';
import { Authed, type AuthedContext } from '../../graphql/context.js';
import { UsageReport } from './usage.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';

@Resolver(() => UsageReport)
export class UsageResolver {
  @Requires('customer.usage.read', { ids: idsFrom.optionalArg('customerId') })
  @Query(() => UsageReport, { description: 'AI-enhancement usage of a customer against their plan. Customer users get their own customer’s (customerId may be left out); staff name the customer.' })
  usage(@Arg('customerId', () => ID, { nullable: true }) customerId: string | null, @Authed() ctx: AuthedContext): Promise<UsageReport> {
    return ctx.services.usage.reportFor(ctx.em, ctx.user, customerId);
  }
}
