import { badInput } from './errors.js';

/** Trimmed, non-empty, bounded text; `field` names the input in the error. */
export function requireText(value: string, field: string, maxLength = 200): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(`${field} must not be empty.`, { field, reason: 'REQUIRED' });
  if (trimmed.length > maxLength) throw badInput(`${field} must be at most ${maxLength} characters.`, { field, reason: 'TOO_LONG', max: maxLength });
  // Control characters break logs, headers and file names downstream.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw badInput(`${field} must not contain control characters.`, { field, reason: 'INVALID_CHARACTERS' });
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, maxLength = 2000): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(value, field, maxLength);
}

export function requireIntInRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max}.`, { field, reason: 'OUT_OF_RANGE', min, max });
  }
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function requireEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw badInput(`${field} must be an email address.`, { field, reason: 'INVALID_EMAIL' });
  return email;
}

/**
 * Throws BAD_USER_INPUT when any string in `value` (object keys included, at any depth) holds a NUL
 * or an unpaired surrogate: PostgreSQL cannot store a NUL in text or JSON, and the driver would
 * silently turn a lone surrogate into U+FFFD. Every GraphQL argument passes through here
 * (graphql/schema.ts), so no resolver sees such a string.
 */
export function rejectUnstorableStrings(value: unknown, field: string): void {
  const found = unstorableStringAt(value, field);
  if (found !== null) {
    throw badInput(`${found} contains a character that cannot be stored (NUL or an unpaired surrogate).`, { field: found, reason: 'INVALID_CHARACTERS' });
  }
}

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only unpaired halves.
const UNSTORABLE = /[\u0000\p{Cs}]/u;
const storable = (text: string) => !UNSTORABLE.test(text);
const childPath = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

function unstorableStringAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return storable(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableStringAt(item, childPath(path, index));
      if (found !== null) return found;
    }
    return null;
  }
  // Plain objects and input-type instances; Dates and other scalars' values hold no strings we store.
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = childPath(path, key);
      if (!storable(key)) return keyPath;
      const found = unstorableStringAt(item, keyPath);
      if (found !== null) return found;
    }
  }
  return null;
}
