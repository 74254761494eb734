import { Arg, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Authed, callerOf, type AuthedContext } from '../../graphql/context.js';
import { AUDIT_REASON } from '../users/user-audit.js';
import { User } from '../users/user.entity.js';
import { Requires, idsFrom } from '../../graphql/requires.js';

@ObjectType({ description: 'A new TOTP seed, shown once: scan otpauthUri as a QR code (or type secret), then confirmTotpEnrollment with a code.' })
export class TotpEnrollment {
  @Field({ description: 'Base32 seed for authenticator apps that cannot scan a QR code.' }) secret!: string;
  @Field({ description: 'otpauth://totp/… URI for a QR code.' }) otpauthUri!: string;
}

@Resolver()
export class TotpResolver {
  @Requires('me.totp.manage')
  @Mutation(() => TotpEnrollment, { description: 'Starts (or restarts) enrolling a TOTP second factor for the signed-in staff member. Nothing changes at sign-in until confirmTotpEnrollment.' })
  beginTotpEnrollment(@Authed() ctx: AuthedContext): Promise<TotpEnrollment> {
    return ctx.services.totp.beginEnrollment(ctx.em, ctx.user.id);
  }

  @Requires('me.totp.manage', { limit: 'totpCode' })
  @Mutation(() => User, { description: 'Turns the second factor on with a current code from the app; from then on sign-in asks for a code.' })
  confirmTotpEnrollment(@Arg('code') code: string, @Authed() ctx: AuthedContext): Promise<User> {
    return ctx.services.totp.confirmEnrollment(ctx.em, ctx.user.id, code);
  }

  @Requires('me.totp.manage', { limit: 'totpCode' })
  @Mutation(() => User, { description: 'Turns the signed-in user’s second factor off; needs a current code.' })
  disableTotp(@Arg('code') code: string, @Authed() ctx: AuthedContext): Promise<User> {
    return ctx.services.totp.disable(ctx.em, ctx.user.id, code);
  }

  @Requires('user.totp.reset', { ids: idsFrom.arg('id') })
  @Mutation(() => User, { description: 'Removes another user’s second factor, e.g. after a lost phone (admins only). They can enroll again.' })
  resetUserTotp(
    @Arg('id', () => ID) id: string,
    @Authed() ctx: AuthedContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ): Promise<User> {
    return ctx.services.totp.reset(ctx.em, callerOf(ctx), id, reason);
  }
}
