import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { User } from '../users/user.entity.js';

@ObjectType({ description: 'A signed-in session: a short-lived access token and a rotating refresh token.' })
export class AuthPayload {
  @Field(() => User) user!: User;
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field({ description: 'Exchange with refreshToken for a new session; each one works once.' }) refreshToken!: string;
  @Field() refreshTokenExpiresAt!: Date;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in with email and password. rememberMe keeps the session for 7 days instead of 24 hours.' })
  login(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Arg('rememberMe', { defaultValue: false }) rememberMe: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx.em, { email, password, rememberMe }, ctx.ip);
  }

  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new session. The old token stops working.' })
  refreshToken(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.refresh(ctx.em, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to.' })
  async logout(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.services.auth.logout(ctx.em, refreshToken);
    return true;
  }
}
