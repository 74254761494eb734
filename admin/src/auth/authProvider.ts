import type { AuthProvider } from 'react-admin';
import { checkSession, endSession, sessionUser } from './session';

/**
 * react-admin's view of the session. The login page runs the sign-in steps itself (sign-in.ts) and
 * calls `login` once a session exists. checkAuth restores a session from the HttpOnly cookie (a reload
 * keeps it) and is also called every 30 s by the layout, so a deactivated user's open tab signs out. Only a 401 ends the session: a 403 is a refusal of one
 * action, shown where it happened, never a sign-out.
 */
export const authProvider: AuthProvider = {
  async login() {
    if (!sessionUser()) throw new Error('ra.auth.sign_in_error');
  },
  async logout() {
    await endSession();
  },
  /** Restores the session from the cookie after a reload; re-asks the API when the last answer is older than 30 s. */
  async checkAuth() {
    if (!(await checkSession())) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      await endSession();
      throw error;
    }
  },
  // After a reload these may be asked before checkAuth restored the session: they wait for the same restore.
  async getIdentity() {
    const user = sessionUser() ?? ((await checkSession()) ? sessionUser() : null);
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.name };
  },
  async getPermissions() {
    return (sessionUser() ?? ((await checkSession()) ? sessionUser() : null))?.role;
  },
};
