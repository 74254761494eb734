import type { DataProvider, SortPayload } from 'react-admin';
import type { SortDirection } from '../gql/graphql';

/** The API's largest page (`first` is 1 to 100). */
export const MAX_PAGE_SIZE = 100;

interface Page {
  first: number;
  offset: number;
}

/**
 * react-admin's page, fetched from the API in pages of at most 100 (its largest): one request for
 * a screen's page, several in a row for a CSV export of up to 1,000 rows, so nothing is cut off.
 */
export async function fetchPage<Record>(
  pagination: { page: number; perPage: number } | undefined,
  fetch: (page: Page) => Promise<{ data: Record[]; total: number }>,
): Promise<{ data: Record[]; total: number }> {
  const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
  const start = Math.max(page - 1, 0) * perPage;
  const wanted = Math.max(perPage, 1);
  const data: Record[] = [];
  let total = 0;
  do {
    const result = await fetch({ first: Math.min(wanted - data.length, MAX_PAGE_SIZE), offset: start + data.length });
    data.push(...result.data);
    total = result.total;
    if (result.data.length === 0) break;
  } while (data.length < wanted && start + data.length < total);
  return { data, total };
}

/** react-admin's sort as the API's sortBy/sortDirection, for the columns the API can sort by; else the API's default. */
export function sortOf<Field extends string>(sort: SortPayload | undefined, fields: Partial<Record<string, Field>>): { sortBy?: Field; sortDirection?: SortDirection } {
  const sortBy = sort ? fields[sort.field] : undefined;
  return sortBy ? { sortBy, sortDirection: sort!.order === 'ASC' ? 'ASC' : 'DESC' } : {};
}

/** A filter value from react-admin's filter form: empty strings and empty lists mean "no filter". */
export function given<T>(value: T | '' | null | undefined): T | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/** A date input's day (YYYY-MM-DD) as the instant it starts in the browser's time zone, `plusDays` later. */
export function startOfDay(day: string | undefined, plusDays = 0): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

const unsupported = (method: string) => async (resource: string) => {
  throw new Error(`${resource}: ${method} is not offered by the API`);
};

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

type Method = (resource: string, params: any) => Promise<unknown>;

/**
 * A resource's data provider: the methods it has, and for the others a rejection that names them.
 * The methods keep their own record types (react-admin's are generic over any record).
 */
export function resourceProvider<Methods extends Record<string, Method>>(methods: Methods): DataProvider & Methods {
  const fallbacks = Object.fromEntries(METHODS.map((method) => [method, unsupported(method)]));
  return { ...fallbacks, ...methods } as unknown as DataProvider & Methods;
}

/** The records a lookup by many ids found: the API answers null for an id that is unknown or hidden from the caller. */
export const found = <Record>(records: readonly (Record | null)[]): Record[] => records.filter((record): record is Record => record !== null);
