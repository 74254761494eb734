import { generate } from 'otplib';

/** One GraphQL call to the API under test, as an integrator would make it (POST, JSON). */
export async function gql<T = Record<string, any>>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data!;
}

/** A password sign-in's access token (for users without a second factor). */
export async function accessTokenOf(baseUrl: string, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(baseUrl, 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', { email, password });
  return data.login.accessToken;
}

/** The TOTP code of `steps` time steps from now (the API accepts one step of drift, and each step once). */
export const totpCode = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/**
 * The newest sign-in code the development outbox holds for `email` (SMTP_URL unset outside
 * production). The API mails after answering (so the answer says nothing about the account): poll.
 */
export async function latestSignInCode(baseUrl: string, adminToken: string, email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const data = await gql<{ mailOutbox: { nodes: { to: string; text: string }[] } }>(baseUrl, '{ mailOutbox(first: 20) { nodes { to text } } }', {}, adminToken);
    // Newest first; notification mails (a job delivered, extras decided) may be newer than the code.
    const code = data.mailOutbox.nodes.filter((node) => node.to === email).map((node) => /\b(\d{6})\b/.exec(node.text)?.[1]).find(Boolean);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no sign-in code for ${email} in the outbox within 15 s`);
}
