import { graphql } from '../gql';
import type { SignInResultFieldsFragment } from '../gql/graphql';
import { send } from '../graphql/transport';
import { endSession, startSession } from './session';

/**
 * The sign-in steps the API offers: password or emailed code, then a TOTP code when the user has a
 * second factor. The back office is for staff: a customer's correct sign-in is ended at once and
 * refused with its own message. Every step asks for the session as the back office's HttpOnly cookie.
 */
export const SignInResultFields = graphql(`
  fragment SignInResultFields on LoginResult {
    secondFactorRequired
    challenge
    accessToken
    accessTokenExpiresAt
    user {
      id
      name
      email
      role
    }
  }
`);

const PasswordSignIn = graphql(`
  mutation AdminPasswordSignIn($email: String!, $password: String!) {
    login(email: $email, password: $password, sessionCookie: ADMIN) {
      ...SignInResultFields
    }
  }
`);

const RequestSignInCode = graphql(`
  mutation AdminRequestSignInCode($email: String!) {
    requestLoginCode(email: $email)
  }
`);

const CodeSignIn = graphql(`
  mutation AdminCodeSignIn($email: String!, $code: String!) {
    verifyLoginCode(email: $email, code: $code, sessionCookie: ADMIN) {
      ...SignInResultFields
    }
  }
`);

const SecondFactor = graphql(`
  mutation AdminSecondFactor($challenge: String!, $code: String!) {
    verifySecondFactor(challenge: $challenge, code: $code, sessionCookie: ADMIN) {
      ...SessionFields
    }
  }
`);

export type SignInStep = { kind: 'signed-in' } | { kind: 'second-factor'; challenge: string };

/** Thrown when a customer signs in here; its message is an i18n key. */
export class CustomerRefused extends Error {
  constructor() {
    super('pixgate.auth.customer_refused');
  }
}

async function nextStep(result: SignInResultFieldsFragment): Promise<SignInStep> {
  if (result.secondFactorRequired && result.challenge) {
    if (result.user.role === 'CUSTOMER') throw new CustomerRefused();
    return { kind: 'second-factor', challenge: result.challenge };
  }
  // The refresh token is the API's HttpOnly cookie now (sessionCookie: ADMIN); only the access token comes back.
  const { accessToken, accessTokenExpiresAt } = result;
  if (!accessToken || !accessTokenExpiresAt) throw new Error('pixgate.errors.code.INTERNAL_SERVER_ERROR');
  startSession({ accessToken, accessTokenExpiresAt, user: result.user });
  if (result.user.role === 'CUSTOMER') {
    await endSession();
    throw new CustomerRefused();
  }
  return { kind: 'signed-in' };
}

export const signInWithPassword = async (email: string, password: string) => nextStep((await send(PasswordSignIn, { email, password })).login);

export const requestSignInCode = async (email: string) => void (await send(RequestSignInCode, { email }));

export const signInWithCode = async (email: string, code: string) => nextStep((await send(CodeSignIn, { email, code })).verifyLoginCode);

export async function completeSecondFactor(challenge: string, code: string): Promise<SignInStep> {
  const payload = (await send(SecondFactor, { challenge, code })).verifySecondFactor;
  startSession(payload);
  return { kind: 'signed-in' };
}
