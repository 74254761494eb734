import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authed, callerOf, type AuthedContext, type RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { Customer } from '../customers/customer.entity.js';
import { AUDIT_REASON } from './user-audit.js';
import { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput, UserConnection, UsersArgs } from './user.types.js';
import { Requires, idsFrom } from '../../graphql/requires.js';
import { lookupByIds, MAX_LOOKUP_IDS } from '../../graphql/lookup-by-ids.js';

@Resolver(() => User)
export class UserResolver {
  @Requires('me.read')
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Authed() ctx: AuthedContext): User {
    return ctx.user;
  }

  @Requires('user.list')
  @Query(() => UserConnection)
  users(@Args() args: UsersArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.users.list(ctx.em, args);
  }

  @Requires('user.read')
  @Query(() => [User], { nullable: 'items', description: `The users with these ids, in the order asked; null where an id is unknown (staff only). At most ${MAX_LOOKUP_IDS} ids.` })
  usersByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<(User | null)[]> {
    return lookupByIds(ctx, 'user.read', User, ids);
  }

  @Requires('user.read')
  @Query(() => User)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.get(ctx.em, id);
  }

  @Requires('user.create', { assignsRole: (args) => args.input?.role })
  @Mutation(() => User, { description: 'Staff create customer users; only admins create staff and admins.' })
  createUser(@Arg('input') input: CreateUserInput, @Authed() ctx: AuthedContext): Promise<User> {
    return ctx.services.users.create(ctx.em, callerOf(ctx), input);
  }

  @Requires('user.update', { ids: idsFrom.arg('id'), assignsRole: (args) => args.input?.role })
  @Mutation(() => User, { description: 'Staff change customer users; only admins change staff and admins. A change of role or customer is audited with the reason.' })
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateUserInput,
    @Authed() ctx: AuthedContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ): Promise<User> {
    return ctx.services.users.update(ctx.em, callerOf(ctx), id, input, reason);
  }

  @Requires('user.deactivate', { ids: idsFrom.arg('id') })
  @Mutation(() => User, { description: 'Blocks sign-in and ends every session at once. Users are never deleted.' })
  deactivateUser(
    @Arg('id', () => ID) id: string,
    @Authed() ctx: AuthedContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ): Promise<User> {
    return ctx.services.users.setActive(ctx.em, callerOf(ctx), id, false, reason);
  }

  @Requires('user.deactivate', { ids: idsFrom.arg('id') })
  @Mutation(() => User, { description: 'Allows sign-in again (audited).' })
  reactivateUser(
    @Arg('id', () => ID) id: string,
    @Authed() ctx: AuthedContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ): Promise<User> {
    return ctx.services.users.setActive(ctx.em, callerOf(ctx), id, true, reason);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the user has a password (changeMyPassword needs it); false for accounts that sign in only with emailed codes.' })
  hasPassword(@Root() user: User): boolean {
    return user.passwordHash !== null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether sign-in asks this user for a TOTP code (second factor) after the password or email code.' })
  totpEnabled(@Root() user: User): boolean {
    return Boolean(user.totpEnabledAt);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer a CUSTOMER user belongs to.' })
  customer(@Root() user: User): Promise<Customer | null> {
    return loadReference(user.customer);
  }
}
