import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Notifications that gather a job's events into one mail after a quiet spell (notification-rules.ts). */
export enum DigestKind {
  EXTRAS_REQUESTED = 'EXTRAS_REQUESTED',
  EXTRAS_DECIDED = 'EXTRAS_DECIDED',
}

/**
 * One job's digest of one kind: whether events wait to be mailed, since when, the latest of them, and
 * when the last mail went out. Changed only under a row lock, so two workers never mail the same events.
 */
@Entity({ tableName: 'notification_digests' })
export class NotificationDigest {
  @PrimaryKey({ type: 'uuid' })
  jobId!: string;

  @Enum({ items: () => DigestKind, nativeEnumName: undefined, primary: true })
  kind!: DigestKind;

  /** The first event not mailed yet; null when nothing waits. */
  @Property({ type: 'timestamptz', nullable: true })
  pendingSince: Date | null = null;

  @Property({ type: 'timestamptz' })
  lastEventAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lastSentAt: Date | null = null;
}
