import { DigestKind, type NotificationDigest } from './notification-digest.entity.js';

/**
 * When a digest's mail may go out: after `quietSeconds` without a new event, and no sooner than
 * `gapSeconds` after the previous mail of the same job. Staff hear of requests for extras at most
 * once per job per 15 minutes, after 5 minutes without new requests (issue 15); customers hear of
 * decisions a minute after the studio's last one, so a decision on twenty images is one mail.
 */
export const DIGEST_TIMING: Record<DigestKind, { quietSeconds: number; gapSeconds: number }> = {
  [DigestKind.EXTRAS_REQUESTED]: { quietSeconds: 5 * 60, gapSeconds: 15 * 60 },
  [DigestKind.EXTRAS_DECIDED]: { quietSeconds: 60, gapSeconds: 0 },
};

/** The instant the digest's waiting events may be mailed; null when nothing waits. */
export function digestDueAt(digest: Pick<NotificationDigest, 'kind' | 'pendingSince' | 'lastEventAt' | 'lastSentAt'>): Date | null {
  if (!digest.pendingSince) return null;
  const { quietSeconds, gapSeconds } = DIGEST_TIMING[digest.kind];
  const quietEnds = digest.lastEventAt.getTime() + quietSeconds * 1000;
  const gapEnds = digest.lastSentAt ? digest.lastSentAt.getTime() + gapSeconds * 1000 : 0;
  return new Date(Math.max(quietEnds, gapEnds));
}
