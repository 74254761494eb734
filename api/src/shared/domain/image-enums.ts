import { registerEnumType } from 'type-graphql';

export enum ImageStatus {
  PENDING = 'PENDING',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
  /** Taken away by staff (removeImage) after it was delivered, audited or enhanced: kept for the record, hidden from customers. */
  REMOVED = 'REMOVED',
}

/** The one list of selection states; the download policy and the audit trail derive from it. */
export enum SelectionState {
  NONE = 'NONE',
  INCLUDED = 'INCLUDED',
  EXTRA_PENDING = 'EXTRA_PENDING',
  EXTRA_PAID = 'EXTRA_PAID',
  EXTRA_FREE = 'EXTRA_FREE',
  BLOCKED = 'BLOCKED',
}

registerEnumType(ImageStatus, {
  name: 'ImageStatus',
  valuesConfig: {
    PENDING: { description: 'Upload requested; bytes not yet verified.' },
    PROCESSING: { description: 'Bytes received and verified; previews and thumbnails are being made. Staff only: customers see READY images.' },
    READY: { description: 'Verified, renditions made; visible to the customer.' },
    REMOVED: { description: 'Taken away by staff after it was delivered, audited or enhanced (removeImage): kept for the record, never shown to or downloaded by customers again. Staff only.' },
    FAILED: { description: 'Upload refused or abandoned (its bytes were deleted), or its renditions could not be made (the original is kept, so staff can retry). `failureReason` says which.' },
  },
});

registerEnumType(SelectionState, {
  name: 'SelectionState',
  valuesConfig: {
    NONE: { description: 'Not selected.' },
    INCLUDED: { description: 'Selected within the package.' },
    EXTRA_PENDING: { description: 'Requested as an extra beyond the package; not released yet.' },
    EXTRA_PAID: { description: 'Extra, paid for: released.' },
    EXTRA_FREE: { description: 'Extra granted as goodwill: released.' },
    BLOCKED: { description: 'Withheld by staff, even when all images are included.' },
  },
});
