import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SelectionState } from '../gql/graphql';

/** Colours say what the state means for the customer: released (green), waiting for staff (amber), withheld (red). */
const COLOUR: Record<SelectionState, ChipProps['color']> = {
  NONE: 'default',
  INCLUDED: 'primary',
  EXTRA_PENDING: 'warning',
  EXTRA_PAID: 'success',
  EXTRA_FREE: 'success',
  BLOCKED: 'error',
};

export function SelectionStateChip({ state, size = 'small' }: { state: SelectionState; size?: ChipProps['size'] }) {
  const translate = useTranslate();
  return <Chip size={size} color={COLOUR[state]} label={translate(`pixgate.enums.SelectionState.${state}`)} />;
}
