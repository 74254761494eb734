import { badInput } from '../graphql/errors.js';

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
