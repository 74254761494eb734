import { Args, ArgsType, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../../shared/connection.js';
import type { RequestContext } from '../../graphql/context.js';
import { SecurityEvent, SecurityEventType } from './security-event.entity.js';
import { Requires } from '../../graphql/requires.js';

export const SecurityEventConnection = Connection(SecurityEvent, 'SecurityEvent');

@InputType()
export class SecurityEventFilter {
  @Field(() => SecurityEventType, { nullable: true }) type?: SecurityEventType;
  @Field(() => ID, { nullable: true }) userId?: string;
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}

@ArgsType()
export class SecurityEventsArgs extends PageArgs {
  @Field(() => SecurityEventFilter, { nullable: true }) filter?: SecurityEventFilter;
}

@Resolver(() => SecurityEvent)
export class SecurityEventsResolver {
  @Requires('security-event.read')
  @Query(() => SecurityEventConnection, { description: 'Failed logins, rate-limit refusals, denied downloads, failed uploads and CORS refusals, newest first (admins only).' })
  securityEvents(@Args() args: SecurityEventsArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.securityEvents.list(ctx.em, args.filter ?? {}, args);
  }
}
