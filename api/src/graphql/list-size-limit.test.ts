import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { requestedNodes } from './list-size-limit.js';

const count = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return requestedNodes(document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode, document, variables);
};

describe('requestedNodes', () => {
  it('multiplies nested page sizes and adds siblings', () => {
    expect(count('{ jobs(first: 100) { nodes { images(first: 500) { nodes { id } } } } }')).toBe(100 + 100 * 500);
    expect(count('{ a: jobs(first: 10) { nodes { id } } b: customers(first: 5) { nodes { jobs(first: 3) { nodes { id } } } } }')).toBe(10 + 5 + 15);
  });

  it('reads page sizes from variables, and counts the default page for connections without first', () => {
    expect(count('query($n: Int) { jobs(first: $n) { nodes { id } } }', { n: 42 })).toBe(42);
    expect(count('{ jobs { nodes { images { totalCount } } } }')).toBe(20 + 20 * 20);
    expect(count('{ me { id customer { name } } }')).toBe(0);
  });

  it('follows fragments and does not loop on recursive ones', () => {
    expect(count('{ jobs(first: 7) { ...J } } fragment J on JobConnection { nodes { images(first: 3) { nodes { id } } } }')).toBe(7 + 21);
    expect(count('{ jobs(first: 2) { ...A } } fragment A on JobConnection { ...A nodes { id } }')).toBe(2);
  });
});
