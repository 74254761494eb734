/**
 * The one accepted shape of a deprecation reason in the public schema, e.g.
 *   @deprecated(reason: "Use `Image.download` instead. Deprecated 2026-12-03; removal after 2027-03-03.")
 * Advice first (what to use instead, or "No replacement."), then both dates, so integrators read the
 * removal date in introspection and the contract test can check the period without any history.
 */
export const DEPRECATION_PERIOD_DAYS = 90;

const DATED_REASON = /^(?<advice>\S.*?) Deprecated (?<deprecatedOn>\d{4}-\d{2}-\d{2}); removal after (?<removalAfter>\d{4}-\d{2}-\d{2})\.$/s;
const DAY_MS = 86_400_000;

export interface DatedDeprecation {
  advice: string;
  /** YYYY-MM-DD, the day the deprecation was merged. */
  deprecatedOn: string;
  /** YYYY-MM-DD; the element may be removed from the day after. */
  removalAfter: string;
}

export type ParsedReason = { ok: true; deprecation: DatedDeprecation } | { ok: false; problem: string };

export function parseDatedReason(reason: string): ParsedReason {
  const groups = DATED_REASON.exec(reason)?.groups;
  if (!groups) return { ok: false, problem: `reason ${JSON.stringify(reason)} does not end with "Deprecated YYYY-MM-DD; removal after YYYY-MM-DD."` };
  const { advice, deprecatedOn, removalAfter } = groups as unknown as DatedDeprecation;
  for (const date of [deprecatedOn, removalAfter]) {
    if (!isCalendarDate(date)) return { ok: false, problem: `${date} is not a calendar date` };
  }
  const days = daysBetween(deprecatedOn, removalAfter);
  if (days < DEPRECATION_PERIOD_DAYS) {
    return { ok: false, problem: `removal after ${removalAfter} is ${days} days after ${deprecatedOn}; the period is at least ${DEPRECATION_PERIOD_DAYS} days` };
  }
  return { ok: true, deprecation: { advice, deprecatedOn, removalAfter } };
}

/** The deprecation period has ended: "removal after D" allows removal from D + 1 on. */
export function hasEnded(deprecation: DatedDeprecation, today: string): boolean {
  return today > deprecation.removalAfter;
}

/** YYYY-MM-DD of a moment, in UTC (the zone the dates in reasons are read in). */
export function utcDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

// The regular expression admits 2027-02-30; a round trip through Date does not.
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && utcDate(parsed) === date;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
