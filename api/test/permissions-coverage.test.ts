import { isObjectType } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { effectiveRule, permissionRules } from '../src/graphql/permissions.js';
import { buildPublicSchema } from '../src/graphql/schema.js';

describe('the permission rule tree', () => {
  it('names a rule for every field of every type: nothing relies on the deny fallback by accident', async () => {
    const schema = await buildPublicSchema();
    const uncovered: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      if (!(type.name in permissionRules)) uncovered.push(type.name);
    }
    expect(uncovered).toEqual([]);
  });

  it('leaves root fields unlisted in the tree denied', () => {
    expect(effectiveRule('Query', 'somethingAddedLater')).toBe(deny);
    expect(effectiveRule('Mutation', 'somethingAddedLater')).toBe(deny);
    expect(effectiveRule('TypeAddedLater', 'field')).toBe(deny);
  });

  it('resolves field rules, wildcards and type rules the way shield does', () => {
    expect(effectiveRule('Customer', 'name')).toBe(allow);
    expect(effectiveRule('Customer', 'notes')).not.toBe(allow);
    expect(effectiveRule('AuditEntry', 'field')).not.toBe(allow);
    expect(effectiveRule('Mutation', 'refreshToken')).toBe(allow);
  });
});
