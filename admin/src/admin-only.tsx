import { Resource } from 'react-admin';
import type { UserRole } from './gql/graphql';
import mailOutbox from './mail-outbox';
import securityEvents from './security-events';
import settings from './settings';

/**
 * The screens only admins may use (the API refuses them to staff): security events, the mail
 * outbox and the studio settings. Registered for admins alone, so staff have neither the menu
 * entries nor the routes. react-admin calls this with the permissions (the role) once they are known.
 */
export function adminOnlyResources(role: UserRole | undefined) {
  if (role !== 'ADMIN') return [];
  return [
    <Resource key="securityEvents" name="securityEvents" {...securityEvents} />,
    <Resource key="mailOutbox" name="mailOutbox" {...mailOutbox} />,
    <Resource key="studioSettings" name="studioSettings" {...settings} />,
  ];
}
