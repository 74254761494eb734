import { Cursor, DriverException, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

/*
 * Lists are Relay-style connections: the page arguments, the page shape and keyset/offset paging
 * over MikroORM. The types are declared with type-graphql, as the entities are; services use
 * `paginate` and the shapes, resolvers `connectionWants`.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType({ description: 'Relay-style page information.' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (from pageInfo.endCursor).' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Skip this many items instead of using a cursor (for admin tables).' })
  offset?: number;
}

/** Which parts of a connection the query selected; what is not selected need not be computed. */
export interface ConnectionWants {
  totalCount: boolean;
  edges: boolean;
}
export const ALL_PARTS: ConnectionWants = { totalCount: true, edges: true };

/** What the resolving field selects of its connection (fragments: assume everything). */
export function connectionWants(info: GraphQLResolveInfo): ConnectionWants {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  if (selections.some((selection) => selection.kind !== Kind.FIELD)) return ALL_PARTS;
  const names = new Set(selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '')));
  return { totalCount: names.has('totalCount'), edges: names.has('edges') };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` for one node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => [node], { description: 'The nodes of `edges`, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match the filter, over all pages.' }) totalCount!: number;
  }
  return ConnectionType;
}

/**
 * One page of `entity` matching `where`, ordered by `orderBy` (which must end with a unique field
 * so keyset cursors are stable), by cursor or by offset.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  page: PageArgs,
  orderBy: QueryOrderMap<T>,
  maxPageSize = MAX_PAGE_SIZE,
  wants: ConnectionWants = ALL_PARTS,
): Promise<ConnectionShape<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badInput(`first must be between 1 and ${maxPageSize}.`, { field: 'first', reason: 'OUT_OF_RANGE', max: maxPageSize });
  }
  if (page.offset !== undefined && page.offset !== null) {
    if (page.after) throw badInput('Use either after or offset, not both.', { field: 'offset', reason: 'CONFLICTING_ARGUMENTS' });
    if (page.offset < 0) throw badInput('offset must not be negative.', { field: 'offset', reason: 'OUT_OF_RANGE' });
    const [items, totalCount] = await em.findAndCount(entity, where as never, { orderBy, limit: first, offset: page.offset } as never);
    const meta = em.getMetadata().get(entity);
    const edges = items.map((item) => ({ cursor: Cursor.for(meta, item as FilterQuery<T> & object, orderBy as never), node: item as T }));
    return toConnection(edges, totalCount, page.offset + items.length < totalCount, page.offset > 0);
  }
  if (page.after) assertCursorShape(page.after, Object.keys(orderBy).length);
  let cursor;
  try {
    cursor = await em.findByCursor(entity, { where, first, after: page.after, orderBy, includeCount: wants.totalCount } as never);
  } catch (error) {
    // A well-formed cursor can still carry values of the wrong type for its column (forged by hand).
    if (page.after && error instanceof DriverException) throw invalidCursor();
    throw error;
  }
  // Cursors cost a serialisation per item; a gallery asking only for `nodes` needs the last one at most.
  const last = cursor.items.length - 1;
  const edges = cursor.items.map((item, index) => ({ cursor: wants.edges || index === 0 || index === last ? cursor.from(item) : '', node: item as T }));
  return toConnection(edges, (cursor.totalCount as number | undefined) ?? -1, cursor.hasNextPage, cursor.hasPrevPage);
}

function toConnection<T>(edges: Edge<T>[], totalCount: number, hasNextPage: boolean, hasPreviousPage: boolean): ConnectionShape<T> {
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const invalidCursor = () => badInput('The cursor is not valid for this list.', { field: 'after', reason: 'INVALID_CURSOR' });

function assertCursorShape(after: string, keyCount: number): void {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    throw invalidCursor();
  }
  const scalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (!Array.isArray(values) || values.length !== keyCount || !values.every(scalar)) throw invalidCursor();
}
