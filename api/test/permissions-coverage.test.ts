import { isObjectType } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { effectiveRule, objectRules, permissionRules } from '../src/graphql/permissions.js';
import { rootDeclarations } from '../src/graphql/requires.js';
import { buildPublicSchema } from '../src/graphql/schema.js';
import { PERMISSIONS, isPermission } from '../src/policy/permissions.js';

describe('the permission rule tree', () => {
  it('has every query and mutation declare exactly one permission of the catalogue', async () => {
    const schema = await buildPublicSchema();
    const undeclared = rootDeclarations(schema).filter(({ declaration }) => !declaration || !isPermission(declaration.permission));
    expect(undeclared.map(({ type, field }) => `${type}.${field}`)).toEqual([]);
    expect(rootDeclarations(schema).length).toBeGreaterThan(50);
  });

  it('names a rule for every field of every other type: nothing relies on the deny fallback by accident', async () => {
    const schema = await buildPublicSchema();
    const uncovered: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
      if (!(type.name in objectRules)) uncovered.push(type.name);
    }
    expect(uncovered).toEqual([]);
  });

  it('leaves root fields without a declaration denied', async () => {
    const rules = permissionRules(await buildPublicSchema());
    expect(effectiveRule(rules, 'Query', 'somethingAddedLater')).toBe(deny);
    expect(effectiveRule(rules, 'Mutation', 'somethingAddedLater')).toBe(deny);
    expect(effectiveRule(rules, 'TypeAddedLater', 'field')).toBe(deny);
  });

  it('resolves field rules, wildcards and type rules the way shield does', async () => {
    const rules = permissionRules(await buildPublicSchema());
    expect(effectiveRule(rules, 'Customer', 'name')).toBe(allow);
    expect(effectiveRule(rules, 'Customer', 'notes')).not.toBe(allow);
    expect(effectiveRule(rules, 'AuditEntry', 'field')).not.toBe(allow);
    expect(effectiveRule(rules, 'Mutation', 'refreshToken')).not.toBe(deny);
  });

  it('uses every permission of the catalogue somewhere (no dead names for API-key scopes)', async () => {
    const schema = await buildPublicSchema();
    const used = new Set(rootDeclarations(schema).map(({ declaration }) => declaration!.permission));
    const ruleNames = JSON.stringify(Object.values(objectRules).flatMap((rule) => (typeof rule === 'object' && 'name' in rule ? [rule.name] : Object.values(rule).map((inner) => (inner as { name?: string }).name))));
    for (const name of Object.keys(PERMISSIONS)) if (ruleNames.includes(`can ${name}"`) || ruleNames.includes(`can ${name} #`)) used.add(name as never);
    // HTTP routes declare the rest (checked with the route enumeration in access-coverage.test.ts).
    const routeOnly = ['health.read', 'webhook.receive', 'image.preview', 'graphql.execute', 'webapp.read'];
    expect(Object.keys(PERMISSIONS).filter((name) => !used.has(name as never) && !routeOnly.includes(name))).toEqual([]);
  });
});
