import { format, isValid, parseISO } from 'date-fns';

/** A calendar day as the form and the API's filters hold it (`yyyy-MM-dd`), or '' for none or a date still being typed. */
export function toIsoDate(date: Date | null): string {
  return date && isValid(date) ? format(date, 'yyyy-MM-dd') : '';
}

/** The day of a `yyyy-MM-dd` value at local midnight, or null when there is none. */
export function fromIsoDate(value: string): Date | null {
  if (!value) return null;
  const date = parseISO(value);
  return isValid(date) ? date : null;
}
