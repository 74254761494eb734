import { describe, expect, it } from 'vitest';
import { DigestKind } from './notification-digest.entity.js';
import { digestDueAt } from './notification-rules.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 10, minutes));
const requested = (digest: { pendingSince: Date | null; lastEventAt: Date; lastSentAt: Date | null }) => ({ kind: DigestKind.EXTRAS_REQUESTED, ...digest });

describe('digestDueAt', () => {
  it('waits five minutes after the latest request', () => {
    expect(digestDueAt(requested({ pendingSince: at(0), lastEventAt: at(3), lastSentAt: null }))).toEqual(at(8));
  });

  it('sends at most one mail per job per 15 minutes', () => {
    expect(digestDueAt(requested({ pendingSince: at(21), lastEventAt: at(21), lastSentAt: at(20) }))).toEqual(at(35));
    expect(digestDueAt(requested({ pendingSince: at(40), lastEventAt: at(40), lastSentAt: at(20) }))).toEqual(at(45));
  });

  it('is null when nothing waits', () => {
    expect(digestDueAt(requested({ pendingSince: null, lastEventAt: at(0), lastSentAt: at(5) }))).toBeNull();
  });

  it('mails decisions a minute after the last one, with no gap to keep', () => {
    expect(digestDueAt({ kind: DigestKind.EXTRAS_DECIDED, pendingSince: at(0), lastEventAt: at(2), lastSentAt: at(1) })).toEqual(at(3));
  });
});
