export type AuditSubject =
  | 'CUSTOMER'
  | 'IMAGE'
  | 'JOB'
  | 'USER';

export type CustomerSortField =
  | 'CREATED_AT'
  | 'NAME';

/** How a transfer ended. */
export type DeliveryOutcome =
  /** The connection closed or failed before the last byte. */
  | 'BROKEN_OFF'
  /** Every byte was handed to the connection. */
  | 'COMPLETED'
  /** Started and not ended yet, or the serving process stopped while it ran. */
  | 'IN_PROGRESS'
  /** Answered with a short-lived presigned storage URL; the storage server sent the bytes. */
  | 'REDIRECTED';

/** How the bytes left the server. */
export type DeliveryPath =
  | 'ARCHIVE'
  | 'IMAGE';

export type EnhancementErrorCode =
  /** The provider refused the input (another 4xx). */
  | 'BAD_USER_INPUT'
  /** The provider refused our credentials (401/403). */
  | 'FORBIDDEN'
  /** Something went wrong on our side; the details are in the server log. */
  | 'INTERNAL'
  /** The provider failed or timed out, and retries did not help. */
  | 'PROVIDER_ERROR';

export type EnhancementStatus =
  /** Canceled: at once while queued (usage given back), or stopped while processing. */
  | 'CANCELED'
  /** Gave up: `error` says why. Usage was given back. */
  | 'FAILED'
  /** A worker is on it (retries of transient provider failures included). */
  | 'PROCESSING'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Done: `result` is the derived image. */
  | 'SUCCEEDED';

/** The studio’s answer to a request for an extra. */
export type ExtraDecision =
  /** Decline: the image goes back to NONE. */
  | 'DECLINED'
  /** Approve free of charge (goodwill): the image becomes EXTRA_FREE. */
  | 'FREE'
  /** Approve as a paid extra: the image becomes EXTRA_PAID. */
  | 'PAID';

/** Where a customer’s request for an extra image stands. */
export type ExtraRequestStatus =
  /** Declined by the studio; see decisionNote and when the customer may ask again. */
  | 'DECLINED'
  /** Approved free of charge, as goodwill (EXTRA_FREE). */
  | 'FREE'
  /** Taken into the package instead (INCLUDED). */
  | 'INCLUDED'
  /** Approved as a paid extra (EXTRA_PAID). */
  | 'PAID'
  /** Asked for; the studio has not decided yet (the image is EXTRA_PENDING). */
  | 'PENDING'
  /** The customer deselected the image before a decision. */
  | 'WITHDRAWN';

export type ImageSortField =
  | 'CREATED_AT'
  | 'FILENAME';

export type ImageStatus =
  /** Upload refused or abandoned (its bytes were deleted), or its renditions could not be made (the original is kept, so staff can retry). `failureReason` says which. */
  | 'FAILED'
  /** Upload requested; bytes not yet verified. */
  | 'PENDING'
  /** Bytes received and verified; previews and thumbnails are being made. Staff only: customers see READY images. */
  | 'PROCESSING'
  /** Verified, renditions made; visible to the customer. */
  | 'READY'
  /** Taken away by staff after it was delivered, audited or enhanced (removeImage): kept for the record, never shown to or downloaded by customers again. Staff only. */
  | 'REMOVED';

export type JobSortField =
  | 'CREATED_AT'
  | 'TITLE'
  | 'UPDATED_AT';

export type JobStatus =
  /** Closed; kept for the record. */
  | 'ARCHIVED'
  /** Handed over: the customer sees it. */
  | 'DELIVERED'
  /** Being shot or edited; customers do not see it yet. */
  | 'IN_PROGRESS';

/** A user’s language for the web apps and the mails the API sends them. */
export type Language =
  /** German. */
  | 'DE'
  /** English. */
  | 'EN';

export type ModelCategory =
  /** Repairs faces (and may upscale the rest). */
  | 'FACE'
  /** Same size, cleaner: noise, contrast, sharpness. */
  | 'RESTORE'
  /** More pixels: super-resolution. */
  | 'UPSCALE';

/** Why a customer cannot start an enhancement model now. */
export type ModelUnavailableReason =
  /** The model repairs faces and the plan does not include face enhancement. */
  | 'FACE_ENHANCE_NOT_IN_PLAN'
  /** The plan’s units for the day or month are used up (and credits cannot pay); see availableAgainAt. */
  | 'QUOTA_USED_UP'
  /** The model enlarges more than the plan’s largest upscale factor allows. */
  | 'UPSCALE_NOT_IN_PLAN';

/** A kind of mail the API sends; each user can switch off the kinds that apply to them. */
export type NotificationKind =
  /** Staff: customers asked for extras in a job (at most one mail per job per 15 minutes, 5 minutes after the last request). */
  | 'EXTRAS_REQUESTED'
  /** Customer users: the studio decided their requests for extras. */
  | 'EXTRA_DECIDED'
  /** Customer users: a job of theirs was delivered. */
  | 'JOB_DELIVERED';

export type ParameterKind =
  /** true or false. */
  | 'BOOLEAN'
  /** One of `allowedValues`. */
  | 'CHOICE'
  /** A number from `min` to `max`. */
  | 'RANGE';

export type SecurityEventType =
  | 'ACCESS_DENIED'
  | 'CORS_REFUSED'
  | 'DOWNLOAD_DENIED'
  | 'LOGIN_FAILED'
  | 'RATE_LIMITED'
  | 'UPLOAD_FAILED';

export type SelectionState =
  /** Withheld by staff, even when all images are included. */
  | 'BLOCKED'
  /** Extra granted as goodwill: released. */
  | 'EXTRA_FREE'
  /** Extra, paid for: released. */
  | 'EXTRA_PAID'
  /** Requested as an extra beyond the package; not released yet. */
  | 'EXTRA_PENDING'
  /** Selected within the package. */
  | 'INCLUDED'
  /** Not selected. */
  | 'NONE';

/** Keep the refresh token in an HttpOnly cookie of this web app instead of the answer (browsers only). */
export type SessionCookie =
  /** The back office: cookie for /auth/admin, refreshed with POST /auth/admin/refresh. */
  | 'ADMIN'
  /** The customer client: cookie for /auth/client, refreshed with POST /auth/client/refresh. */
  | 'CLIENT';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type UserRole =
  /** Staff who also manage staff accounts and the studio settings. */
  | 'ADMIN'
  /** Belongs to exactly one customer; sees only that customer’s delivered jobs. */
  | 'CUSTOMER'
  /** Studio staff: manages customers, jobs and images. */
  | 'STAFF';

export type UserSortField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'NAME';
