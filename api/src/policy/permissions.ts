/**
 * The permission catalogue. Every GraphQL query and mutation and every HTTP route declares exactly
 * one of these where it is defined, and asks the access module (`access.ts`) for it; API-key scopes
 * will be these names. Named resource-then-action.
 *
 * `audience` is who may hold the permission at all; `resource` names what kind of ids the access
 * module checks one by one for it (ownership, release, role of the target), when it checks any.
 */
export type Audience = 'anyone' | 'signed-in' | 'customer' | 'staff' | 'admin';
export type Resource = 'job' | 'image' | 'customer' | 'user' | 'enhancement' | 'upload';

interface PermissionSpec {
  audience: Audience;
  resource?: Resource;
  description: string;
}

const spec = <const T extends Record<string, PermissionSpec>>(catalogue: T) => catalogue;

export const PERMISSIONS = spec({
  'health.read': { audience: 'anyone', description: 'Liveness and readiness probes.' },
  'session.create': { audience: 'anyone', description: 'Sign in: password, emailed code, second factor.' },
  'session.refresh': { audience: 'anyone', description: 'Trade a refresh token for a new session (the token is the credential).' },
  'session.end': { audience: 'anyone', description: 'Sign out the session a refresh token belongs to.' },
  'webhook.receive': { audience: 'anyone', description: 'Provider callbacks, each verified by its own signature.' },
  'graphql.execute': { audience: 'anyone', description: 'The GraphQL endpoint itself; each operation in it declares its own permission.' },
  'webapp.read': { audience: 'anyone', description: 'The web apps’ files (HTML, scripts, styles): public code; the data behind them is guarded per operation.' },

  'me.read': { audience: 'signed-in', description: 'The signed-in user.' },
  'me.sessions.end': { audience: 'signed-in', description: 'Sign oneself out everywhere: every session on every device ends.' },
  'me.update': { audience: 'signed-in', description: 'Change one’s own language and notification mails.' },
  'me.password.change': { audience: 'signed-in', description: 'Change one’s own password, given the current one.' },
  'me.totp.manage': { audience: 'staff', description: 'Turn one’s own TOTP second factor on or off.' },
  'studio.read': { audience: 'signed-in', description: 'Studio name, watermark text and defaults.' },
  'studio.update': { audience: 'admin', description: 'Change the studio settings.' },

  'customer.list': { audience: 'staff', description: 'List and search customers.' },
  'customer.read': { audience: 'signed-in', resource: 'customer', description: 'One customer: staff any, a customer user their own.' },
  'customer.create': { audience: 'staff', description: 'Create a customer.' },
  'customer.update': { audience: 'staff', description: 'Change a customer’s name and notes.' },
  'customer.notes.read': { audience: 'staff', description: 'The studio’s internal notes on a customer.' },
  'customer.plan.update': { audience: 'staff', resource: 'customer', description: 'Put a customer on another plan (audited).' },
  'customer.credits.grant': { audience: 'staff', resource: 'customer', description: 'Grant or take back enhancement credits (audited).' },
  'customer.usage.read': { audience: 'signed-in', resource: 'customer', description: 'Enhancement usage against the plan.' },
  'plan.list': { audience: 'signed-in', description: 'The plans, to compare.' },

  'user.list': { audience: 'staff', description: 'List and search users.' },
  'user.read': { audience: 'staff', description: 'One user.' },
  'user.create': { audience: 'staff', description: 'Create a user: staff create customer users, admins anyone.' },
  'user.update': { audience: 'staff', resource: 'user', description: 'Change a user: staff change customer users, admins anyone.' },
  'user.deactivate': { audience: 'staff', resource: 'user', description: 'Deactivate or reactivate a user (audited): staff customer users, admins anyone.' },
  'user.totp.reset': { audience: 'admin', resource: 'user', description: 'Turn off another user’s TOTP (audited).' },

  'job.list': { audience: 'signed-in', description: 'Jobs the caller may see: staff all, customers their delivered ones.' },
  'job.read': { audience: 'signed-in', resource: 'job', description: 'One job and its gallery.' },
  'job.create': { audience: 'staff', description: 'Create a job.' },
  'job.update': { audience: 'staff', description: 'Change a job’s title, status and settings (not its package).' },
  'job.package.update': { audience: 'staff', description: 'Change the package size or release all images (audited).' },
  'job.download': { audience: 'signed-in', resource: 'job', description: 'A ZIP of the job’s images released to the caller.' },

  'image.read': { audience: 'signed-in', resource: 'image', description: 'One image.' },
  'image.list': { audience: 'signed-in', description: 'Images across jobs, and by id, each one only if the caller may see it (an uploader polling for READY).' },
  'extra-request.list': { audience: 'staff', description: 'The inbox of requests for extras across jobs.' },
  'extra-request.decide': { audience: 'staff', description: 'Approve (paid or free) or decline a request for an extra (audited through the image’s selection state).' },
  'image.remove': { audience: 'staff', description: 'Take a wrong upload away: deleted while untouched, otherwise kept as REMOVED (audited), optionally replaced by another upload of the job.' },
  'image.render.retry': { audience: 'staff', description: 'Render an image again whose renditions failed for reasons outside the image.' },
  'image.upload': { audience: 'signed-in', resource: 'job', description: 'Upload images into a job: staff any, customers where the job allows it.' },
  'image.upload.complete': { audience: 'signed-in', resource: 'upload', description: 'Complete an upload one requested (staff any).' },
  'image.select': { audience: 'customer', resource: 'image', description: 'Select or deselect an image within the package (rule 5).' },
  'image.selection.set': { audience: 'staff', description: 'Set any selection state, e.g. grant an extra or block (audited).' },
  'image.unlock': { audience: 'staff', description: 'Lift a selection lock (audited).' },
  'image.download': { audience: 'signed-in', resource: 'image', description: 'The original of a released image (rule 1).' },
  'image.preview': { audience: 'signed-in', resource: 'image', description: 'A preview or thumbnail, clean or watermarked by rule 4.' },

  'audit.read': { audience: 'staff', description: 'The audit trail.' },
  'delivery.read': { audience: 'staff', description: 'The record of transfers: who downloaded what, when, how far.' },
  'security-event.read': { audience: 'admin', description: 'Security events.' },
  'mail.read': { audience: 'admin', description: 'The mail outbox.' },

  'enhancement.model.list': { audience: 'signed-in', description: 'The enhancement models offered.' },
  'enhancement.list': { audience: 'signed-in', description: 'Enhancement tasks the caller may see.' },
  'enhancement.read': { audience: 'signed-in', resource: 'enhancement', description: 'One enhancement task.' },
  'enhancement.create': { audience: 'signed-in', resource: 'image', description: 'Start enhancements of images the caller may see.' },
  'enhancement.cancel': { audience: 'signed-in', resource: 'enhancement', description: 'Cancel a task: staff any, customers their own customer’s.' },
});

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const isPermission = (name: unknown): name is Permission => typeof name === 'string' && Object.hasOwn(PERMISSIONS, name);
