import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Authed, type AuthedContext, type RequestContext } from '../../graphql/context.js';
import { User } from '../users/user.entity.js';
import type { SignInResult } from './auth.service.js';
import { LOGIN_CODE_TTL_MINUTES, MAX_LOGIN_CODE_ATTEMPTS } from './login-code.service.js';
import { MAX_SECOND_FACTOR_ATTEMPTS, SECOND_FACTOR_CHALLENGE_TTL_SECONDS } from './totp.service.js';
import { Requires } from '../../graphql/requires.js';
import { SessionCookie } from '../../shared/domain/session-cookie.js';

@ObjectType({ description: 'A signed-in session: a short-lived access token and a rotating refresh token.' })
export class AuthPayload {
  @Field(() => User) user!: User;
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field({ description: 'Exchange with refreshToken for a new session; each one works once. Empty when the session was asked for as a `sessionCookie`: the browser holds it then.' })
  refreshToken!: string;
  @Field() refreshTokenExpiresAt!: Date;
}

@ObjectType({
  description:
    'The answer to a right password or email code. Usually a session (the same fields as AuthPayload). When the user has a TOTP second factor, '
    + 'secondFactorRequired is true, the token fields are null, and challenge goes to verifySecondFactor with a code from the authenticator app.',
})
export class LoginResult {
  @Field(() => User) user!: User;
  @Field({ description: 'True when a TOTP code is still needed: call verifySecondFactor(challenge, code) for the session.' })
  secondFactorRequired!: boolean;
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`. Null while a second factor is required.' })
  accessToken!: string | null;
  @Field(() => Date, { nullable: true }) accessTokenExpiresAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Exchange with refreshToken for a new session; each one works once. Null while a second factor is required, and when the session was asked for as a `sessionCookie`.',
  })
  refreshToken!: string | null;
  @Field(() => Date, { nullable: true }) refreshTokenExpiresAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: `Only when secondFactorRequired: a signed token for verifySecondFactor, valid ${SECOND_FACTOR_CHALLENGE_TTL_SECONDS / 60} minutes, once, for at most ${MAX_SECOND_FACTOR_ATTEMPTS} wrong codes; a new sign-in replaces it.`,
  })
  challenge!: string | null;
  @Field(() => Date, { nullable: true }) challengeExpiresAt!: Date | null;
}

const SESSION_COOKIE_ARG = 'For web apps in a browser: the API sets the refresh token as this app’s HttpOnly cookie and leaves it out of the answer.';

/** A session asked for as a cookie: the token goes into the app's cookie and out of the answer, so no page script ever sees it. */
export async function withSessionCookie<T extends { refreshToken: string | null; refreshTokenExpiresAt: Date | null; rememberMe?: boolean }>(
  ctx: RequestContext,
  app: SessionCookie | null,
  result: T,
): Promise<T> {
  if (!app || !result.refreshToken || !result.refreshTokenExpiresAt) return result;
  await ctx.services.auth.bindToCookie(ctx.em, result.refreshToken, app);
  ctx.sessionCookies.set(app, result.refreshToken, { expiresAt: result.refreshTokenExpiresAt, persistent: result.rememberMe ?? false });
  return { ...result, refreshToken: null };
}

@Resolver()
export class AuthResolver {
  @Requires('session.create', { limit: 'login' })
  @Mutation(() => LoginResult, {
    description: 'Signs in with email and password. rememberMe keeps the session for 7 days instead of 24 hours. Users with a TOTP second factor get a challenge instead of tokens (see LoginResult).',
  })
  async login(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Arg('rememberMe', { defaultValue: false }) rememberMe: boolean,
    @Arg('sessionCookie', () => SessionCookie, { nullable: true, description: SESSION_COOKIE_ARG }) sessionCookie: SessionCookie | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInResult> {
    return await withSessionCookie(ctx, sessionCookie, await ctx.services.auth.login(ctx.em, { email, password, rememberMe }, ctx.ip));
  }

  @Requires('session.create', { limit: 'login' })
  @Mutation(() => Boolean, {
    description: `Emails a six-digit sign-in code to the address if an active account has it. Always answers true, the same way and as fast, whether or not the account exists. The code works once, for ${LOGIN_CODE_TTL_MINUTES} minutes and at most ${MAX_LOGIN_CODE_ATTEMPTS} wrong tries; a newer code replaces it.`,
  })
  requestLoginCode(@Arg('email') email: string, @Ctx() ctx: RequestContext): boolean {
    return ctx.services.loginCodes.request(email, ctx.ip);
  }

  @Requires('session.create', { limit: 'login' })
  @Mutation(() => LoginResult, { description: 'Signs in with an emailed code; answers exactly like login. A wrong, used or expired code and an unknown email get the same error.' })
  async verifyLoginCode(
    @Arg('email') email: string,
    @Arg('code') code: string,
    @Arg('rememberMe', { defaultValue: false }) rememberMe: boolean,
    @Arg('sessionCookie', () => SessionCookie, { nullable: true, description: SESSION_COOKIE_ARG }) sessionCookie: SessionCookie | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInResult> {
    return await withSessionCookie(ctx, sessionCookie, await ctx.services.loginCodes.verify(ctx.em, { email, code, rememberMe }, ctx.ip));
  }

  @Requires('session.create', { limit: 'secondFactor' })
  @Mutation(() => AuthPayload, { description: 'Completes a sign-in that answered secondFactorRequired, with the challenge and the current code from the authenticator app.' })
  async verifySecondFactor(
    @Arg('challenge') challenge: string,
    @Arg('code') code: string,
    @Arg('sessionCookie', () => SessionCookie, { nullable: true, description: SESSION_COOKIE_ARG }) sessionCookie: SessionCookie | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const session = await withSessionCookie(ctx, sessionCookie, await ctx.services.auth.verifySecondFactor(ctx.em, { challenge, code }, ctx.ip));
    return { ...session, refreshToken: session.refreshToken ?? '' };
  }

  @Requires('session.refresh')
  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new session. The old token stops working.' })
  refreshToken(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.refresh(ctx.em, refreshToken);
  }

  @Requires('session.end')
  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to.' })
  async logout(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.services.auth.logout(ctx.em, refreshToken);
    return true;
  }

  @Requires('me.sessions.end')
  @Mutation(() => Boolean, {
    description:
      'Signs the signed-in user out everywhere: every session on every device and in every app ends (access tokens at their next request). '
      + 'With sessionCookie, that app’s cookie in this browser is deleted too. Sessions of other users in the same browser are untouched.',
  })
  async signOutEverywhere(
    @Arg('sessionCookie', () => SessionCookie, { nullable: true, description: 'The web app whose cookie this browser holds, to delete it.' }) sessionCookie: SessionCookie | null,
    @Authed() ctx: AuthedContext,
  ): Promise<boolean> {
    await ctx.services.auth.signOutEverywhere(ctx.em, ctx.user.id);
    if (sessionCookie) ctx.sessionCookies.clear(sessionCookie);
    return true;
  }
}
