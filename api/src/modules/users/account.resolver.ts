import { Arg, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authed, callerOf, type AuthedContext } from '../../graphql/context.js';
import { Requires } from '../../graphql/requires.js';
import { SessionCookie } from '../../shared/domain/session-cookie.js';
import { AuthPayload, withSessionCookie } from '../auth/auth.resolver.js';
import { MySettingsInput, NotificationSetting } from './account.types.js';
import { notificationSettingsOf } from './account.service.js';
import { User } from './user.entity.js';

@Resolver(() => User)
export class AccountResolver {
  @FieldResolver(() => [NotificationSetting], { description: 'The notification mails that apply to this user, each on or off.' })
  notificationSettings(@Root() user: User): NotificationSetting[] {
    return notificationSettingsOf(user);
  }

  @Requires('me.update')
  @Mutation(() => User, {
    description:
      'Changes the signed-in user’s own language and notification switches; what is left out stays. A notification kind that does not apply to the user’s role '
      + 'is FORBIDDEN (reason NOTIFICATION_NOT_FOR_ROLE). There is no way to change another user’s settings here.',
  })
  updateMySettings(@Arg('input', () => MySettingsInput) input: MySettingsInput, @Authed() ctx: AuthedContext): Promise<User> {
    return ctx.services.account.updateSettings(ctx.em, callerOf(ctx), input);
  }

  @Requires('me.password.change', { limit: 'passwordCheck' })
  @Mutation(() => AuthPayload, {
    description:
      'Sets a new password for the signed-in user, given the current one (a wrong one is BAD_USER_INPUT, reason WRONG_PASSWORD, and counts against a limit). '
      + 'Every session of the user ends; the answer is a fresh session for this browser (with sessionCookie, in that app’s cookie). Audited (field password, no values).',
  })
  async changeMyPassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Arg('rememberMe', { defaultValue: false }) rememberMe: boolean,
    @Arg('sessionCookie', () => SessionCookie, { nullable: true, description: 'For web apps: the fresh session goes into this app’s HttpOnly cookie.' }) sessionCookie: SessionCookie | null,
    @Authed() ctx: AuthedContext,
  ): Promise<AuthPayload> {
    const session = await withSessionCookie(ctx, sessionCookie, await ctx.services.account.changePassword(ctx.em, callerOf(ctx), { currentPassword, newPassword, rememberMe }));
    return { ...session, refreshToken: session.refreshToken ?? '' };
  }
}
