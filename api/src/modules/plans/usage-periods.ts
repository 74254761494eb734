import type { EntityManager } from '@mikro-orm/postgresql';

export type UsagePeriodName = 'DAY' | 'MONTH';

/** A half-open interval [start, end): `end` is also when the period's cap starts afresh. */
export interface PeriodBounds {
  start: Date;
  end: Date;
}

export interface UsagePeriods {
  day: PeriodBounds;
  month: PeriodBounds;
}

/**
 * The calendar day and month around `at` in `timeZone`, from local midnight to local midnight.
 * PostgreSQL's time zone database does the arithmetic, so days of 23 or 25 hours (DST changes)
 * and months of any length come out right: a local date plus one day or month, turned back into
 * an instant in that zone (`date_add(…, zone)` would be shorter, but needs PostgreSQL 16).
 */
export async function usagePeriodsAt(em: EntityManager, at: Date, timeZone: string): Promise<UsagePeriods> {
  const [row] = await em.execute<{ day_start: Date | string; day_end: Date | string; month_start: Date | string; month_end: Date | string }[]>(
    `SELECT date_trunc('day', local) AT TIME ZONE zone AS day_start,
            (date_trunc('day', local) + interval '1 day') AT TIME ZONE zone AS day_end,
            date_trunc('month', local) AT TIME ZONE zone AS month_start,
            (date_trunc('month', local) + interval '1 month') AT TIME ZONE zone AS month_end
       FROM (SELECT zone, at AT TIME ZONE zone AS local FROM (VALUES (?::timestamptz, ?::text)) AS given (at, zone)) AS input`,
    [at, timeZone],
  );
  return {
    day: { start: new Date(row!.day_start), end: new Date(row!.day_end) },
    month: { start: new Date(row!.month_start), end: new Date(row!.month_end) },
  };
}
