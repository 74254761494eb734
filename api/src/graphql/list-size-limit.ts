import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../shared/connection.js';
import { AppError } from '../shared/errors.js';
import type { QueryLimit } from './limit-refusal.js';

/** How many list items one request may ask for, nested lists multiplied out. */
export const MAX_REQUESTED_NODES = 20_000;

/**
 * GraphQL Armor's cost limit ignores page sizes: `jobs(first: 100) { customer { jobs(first: 100)
 * { images(first: 500) … } } }` passes it yet asks for five million images. This counts what a
 * request can return: every field with a `first` argument multiplies what is nested below it (by
 * the given value, or the default page size), and the products are added up.
 */
export const listSizeLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request, response }) {
        if (!operation) return;
        const requested = requestedNodes(operation, document, request.variables ?? {});
        if (requested > MAX_REQUESTED_NODES) {
          // A request refused before execution is a client error; Apollo answers 500 unless told.
          response.http.status = 400;
          throw new AppError('BAD_USER_INPUT', `This request could return ${requested} list items; at most ${MAX_REQUESTED_NODES} are allowed. Ask for smaller pages.`, {
            reason: 'TOO_MANY_NODES',
            limit: 'listItems' satisfies QueryLimit,
            requested,
            max: MAX_REQUESTED_NODES,
          });
        }
      },
    };
  },
};

/** How many list items the operation can return at most. */
export function requestedNodes(operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return countNodes(operation.selectionSet, 1, fragments, variables, new Set());
}

function countNodes(
  selectionSet: SelectionSetNode,
  multiplier: number,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  visiting: Set<string>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet) continue;
      const pageSize = firstArgument(selection, variables);
      const inner = pageSize === null ? multiplier : multiplier * pageSize;
      total += (pageSize === null ? 0 : inner) + countNodes(selection.selectionSet, inner, fragments, variables, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += countNodes(selection.selectionSet, multiplier, fragments, variables, visiting);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      total += countNodes(fragment.selectionSet, multiplier, fragments, variables, visiting);
      visiting.delete(fragment.name.value);
    }
  }
  return total;
}

/** The page size a field asks for, or null for fields that are not paged. */
function firstArgument(field: FieldNode, variables: Record<string, unknown>): number | null {
  const hasPaging = field.arguments?.some((argument) => argument.name.value === 'first' || argument.name.value === 'after' || argument.name.value === 'offset');
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  if (!first) return hasPaging || field.name.value.endsWith('s') ? pagedDefault(field) : null;
  if (first.value.kind === Kind.INT) return Number(first.value.value);
  if (first.value.kind === Kind.VARIABLE) {
    const value = variables[first.value.name.value];
    return typeof value === 'number' ? value : DEFAULT_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
}

/** Connection fields page even when `first` is left out; plain plural fields do not. */
function pagedDefault(field: FieldNode): number | null {
  const selectsConnection = field.selectionSet?.selections.some(
    (selection) => selection.kind === Kind.FIELD && ['nodes', 'edges', 'totalCount', 'pageInfo'].includes(selection.name.value),
  );
  return selectsConnection ? DEFAULT_PAGE_SIZE : null;
}
