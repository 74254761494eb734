import { Arg, ID, Query, Resolver } from 'type-graphql';
import { Authed, type AuthedContext } from '../../graphql/context.js';
import { Requires, idsFrom } from '../../graphql/requires.js';
import { EnhancementAvailability } from './availability.types.js';
import { modelAvailability } from './model-availability.js';

@Resolver(() => EnhancementAvailability)
export class EnhancementAvailabilityResolver {
  @Requires('customer.usage.read', { ids: idsFrom.optionalArg('customerId') })
  @Query(() => EnhancementAvailability, {
    description:
      'Which enhancement models a customer’s plan allows now and, for the others, why not; with the units left and when they reset. '
      + 'Customer users get their own customer’s (customerId may be left out); staff name the customer.',
  })
  async enhancementAvailability(@Arg('customerId', () => ID, { nullable: true }) customerId: string | null, @Authed() ctx: AuthedContext): Promise<EnhancementAvailability> {
    const usage = await ctx.services.usage.reportFor(ctx.em, ctx.user, customerId);
    const unitsLeft = Math.min(usage.day.remaining, usage.month.remaining);
    return {
      ...usage,
      unitsLeft,
      resetAt: usage.month.remaining <= usage.day.remaining ? usage.month.resetAt : usage.day.resetAt,
      models: modelAvailability(ctx.services.enhancementModels.list(), usage),
    };
  }
}
