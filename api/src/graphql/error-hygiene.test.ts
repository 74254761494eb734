import { describe, expect, it } from 'vitest';
import { withoutSuggestions } from './error-hygiene.js';

describe('withoutSuggestions', () => {
  // Every form graphql-js 16 builds with didYouMean().
  it.each([
    ['Cannot query field "studi" on type "Query". Did you mean "studio"?', 'Cannot query field "studi" on type "Query".'],
    ['Unknown argument "frist" on field "Query.jobs". Did you mean "first" or "filter"?', 'Unknown argument "frist" on field "Query.jobs".'],
    ['Unknown type "Jb". Did you mean "Job", "JobFilter", or "JobStatus"?', 'Unknown type "Jb".'],
    ['Value "DELIVERD" does not exist in "JobStatus" enum. Did you mean the enum value "DELIVERED"?', 'Value "DELIVERD" does not exist in "JobStatus" enum.'],
    ['Cannot query field "x" on type "Node". Did you mean to use an inline fragment on "Job"?', 'Cannot query field "x" on type "Node".'],
    [
      'Variable "$f" got invalid value { serch: "x" }; Field "serch" is not defined by type "JobFilter". Did you mean "search"?',
      'Variable "$f" got invalid value { serch: "x" }; Field "serch" is not defined by type "JobFilter".',
    ],
  ])('%s', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });

  it('leaves other messages alone, question marks included', () => {
    expect(withoutSuggestions('Syntax Error: Expected Name, found "?".')).toBe('Syntax Error: Expected Name, found "?".');
  });
});
