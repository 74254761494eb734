import { describe, expect, it } from 'vitest';
import { PERMISSION_NAMES, PERMISSIONS, isPermission, type Audience, type Permission } from '../../src/policy/permissions.js';
import { RESOURCE_CHECKS } from '../../src/policy/resource-access.js';

/**
 * The catalogue as a reviewed table: who may hold each permission at all. Changing who may do what
 * means changing the catalogue and this table, deliberately.
 */
const AUDIENCES: Record<Audience, Permission[]> = {
  anyone: ['graphql.execute', 'health.read', 'session.create', 'session.end', 'session.refresh', 'webapp.read', 'webhook.receive'],
  'signed-in': [
    'customer.read', 'customer.usage.read', 'enhancement.cancel', 'enhancement.create', 'enhancement.list', 'enhancement.model.list',
    'enhancement.read', 'image.download', 'image.list', 'image.preview', 'image.read', 'image.upload', 'image.upload.complete', 'job.download',
    'job.list', 'job.read', 'me.password.change', 'me.read', 'me.sessions.end', 'me.update', 'plan.list', 'studio.read',
  ],
  customer: ['image.select'],
  staff: [
    'audit.read', 'customer.create', 'customer.credits.grant', 'customer.list', 'customer.notes.read', 'customer.plan.update',
    'customer.update', 'delivery.read', 'extra-request.decide', 'extra-request.list', 'image.remove', 'image.render.retry', 'image.selection.set', 'image.unlock', 'job.create', 'job.package.update', 'job.update',
    'me.totp.manage', 'user.create', 'user.deactivate', 'user.list', 'user.read', 'user.update',
  ],
  admin: ['mail.read', 'security-event.read', 'studio.update', 'user.totp.reset'],
};

describe('the permission catalogue', () => {
  it('gives each permission the audience of the reviewed table', () => {
    const actual: Record<string, string[]> = {};
    for (const name of PERMISSION_NAMES) (actual[PERMISSIONS[name].audience] ??= []).push(name);
    for (const names of Object.values(actual)) names.sort();
    expect(actual).toEqual(AUDIENCES);
  });

  it('names a resource exactly where the access module checks ids one by one', () => {
    const withResource = PERMISSION_NAMES.filter((name) => 'resource' in PERMISSIONS[name] && PERMISSIONS[name].resource);
    expect(withResource.sort()).toEqual(Object.keys(RESOURCE_CHECKS).sort());
  });

  it('describes every permission in a sentence', () => {
    for (const name of PERMISSION_NAMES) expect(PERMISSIONS[name].description, name).toMatch(/^\S.*\.$/);
  });

  it('lists its names resource-then-action, and knows them', () => {
    expect(PERMISSION_NAMES).toEqual(Object.keys(PERMISSIONS));
    for (const name of PERMISSION_NAMES) {
      expect(name).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
      expect(isPermission(name)).toBe(true);
    }
  });

  it('knows nothing else: not inherited names, not other types', () => {
    expect(isPermission('job.delete')).toBe(false);
    expect(isPermission('toString')).toBe(false);
    expect(isPermission(undefined)).toBe(false);
    expect(isPermission({ toString: () => 'job.read' })).toBe(false);
  });
});
