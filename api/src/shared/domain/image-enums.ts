import { registerEnumType } from 'type-graphql';

export enum ImageStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
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
    READY: { description: 'Verified, renditions made; visible to the customer.' },
    FAILED: { description: 'Upload refused or abandoned; its bytes were deleted.' },
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
