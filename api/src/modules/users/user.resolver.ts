import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { loadReference } from '../../shared/load-reference.js';
import { Customer } from '../customers/customer.entity.js';
import { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput, UserConnection, UsersArgs } from './user.types.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: RequestContext): User {
    return ctx.user!;
  }

  @Query(() => UserConnection)
  users(@Args() args: UsersArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.users.list(ctx.em, args);
  }

  @Query(() => User)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.get(ctx.em, id);
  }

  @Mutation(() => User, { description: 'Staff create customer users; only admins create staff and admins.' })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.create(ctx.em, input);
  }

  @Mutation(() => User, { description: 'Staff change customer users; only admins change staff and admins.' })
  updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.update(ctx.em, id, input);
  }

  @Mutation(() => User, { description: 'Blocks sign-in and ends every session at once. Users are never deleted.' })
  deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.setActive(ctx.em, ctx.user!, id, false);
  }

  @Mutation(() => User)
  reactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.setActive(ctx.em, ctx.user!, id, true);
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
