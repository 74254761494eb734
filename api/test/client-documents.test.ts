import { readFile } from 'node:fs/promises';
import { buildSchema, Kind, specifiedRules, validate, type DocumentNode } from 'graphql';
import { formatDocument } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { graphqlArmor } from '../src/graphql/armor.js';

/**
 * Every operation the customer client sends (its generated documents, client/src/gql) passes the
 * API's query limits as they are: depth, aliases, directives and cost. A 500-photo gallery is the
 * client's largest request; a limit that refused it would show customers an error instead of photos.
 */
const schema = buildSchema(await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const generated = (await import(new URL('../../client/src/gql/graphql.ts', import.meta.url).href)) as Record<string, unknown>;
const operations = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as DocumentNode).kind === Kind.DOCUMENT && (entry[1] as DocumentNode).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
);

describe('the customer client’s operations', () => {
  it('are there to check (the gallery among them)', () => {
    expect(operations.map(([name]) => name)).toContain('ClientGalleryDocument');
  });

  it('each pass the API’s validation and query limits, in production too', () => {
    for (const production of [false, true]) {
      const rules = [...specifiedRules, ...(graphqlArmor({ production }).validationRules as typeof specifiedRules)];
      for (const [name, document] of operations) {
        // As urql sends it: __typename added to every selection (graphcache needs them), which counts too.
        expect(validate(schema, formatDocument(document), rules).map((error) => error.message), name).toEqual([]);
      }
    }
  });
});
