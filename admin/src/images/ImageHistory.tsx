import { Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ImageDetailRecord } from '../dataProvider/images';
import { formatBytes } from '@pixgate/labels';

type Delivery = NonNullable<ImageDetailRecord['deliveries']>[number];
type ExtraRequest = ImageDetailRecord['extraRequests'][number];

/** A date and time in the app's language. */
export function useDateTime() {
  const [locale] = useLocaleState();
  return (value: string | null | undefined) => (value ? new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
}

/** A small read-only table with column headers; `empty` when there are no rows. */
export function HistoryTable({ label, headers, empty, children, count }: { label: string; headers: string[]; empty: string; count: number; children: ReactNode }) {
  if (count === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {headers.map((header) => (
              <TableCell key={header} component="th" scope="col">
                {header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </TableContainer>
  );
}

/** Who received the image, how and when (staff see every transfer, finished or broken off). */
export function Deliveries({ deliveries }: { deliveries: readonly Delivery[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = useDateTime();
  const t = (key: string) => translate(`pixgate.images.delivery.${key}`);
  return (
    <HistoryTable
      label={translate('pixgate.images.page.deliveries')}
      headers={[t('when'), t('who'), t('path'), t('outcome'), t('bytes'), t('ended')]}
      empty={translate('pixgate.images.page.no_deliveries')}
      count={deliveries.length}
    >
      {deliveries.map((delivery) => (
        <TableRow key={delivery.id} data-testid="delivery-row">
          <TableCell>{when(delivery.createdAt)}</TableCell>
          <TableCell>
            {delivery.user.name}
            <Typography variant="caption" component="div" color="text.secondary">
              {delivery.user.email} · {translate(`pixgate.enums.UserRole.${delivery.user.role}`)}
            </Typography>
          </TableCell>
          <TableCell>{translate(`pixgate.images.enums.DeliveryPath.${delivery.path}`)}</TableCell>
          <TableCell>
            <Chip size="small" variant="outlined" color={delivery.outcome === 'BROKEN_OFF' ? 'warning' : 'default'} label={translate(`pixgate.images.enums.DeliveryOutcome.${delivery.outcome}`)} />
          </TableCell>
          <TableCell>{formatBytes(delivery.bytesSent, locale)}</TableCell>
          <TableCell>{when(delivery.endedAt)}</TableCell>
        </TableRow>
      ))}
    </HistoryTable>
  );
}

/** Each time the customer asked for the image as an extra, and what the studio decided. */
export function ExtraRequests({ requests }: { requests: readonly ExtraRequest[] }) {
  const translate = useTranslate();
  const when = useDateTime();
  const t = (key: string) => translate(`pixgate.images.extra.${key}`);
  return (
    <HistoryTable
      label={translate('pixgate.images.page.extra_requests')}
      headers={[t('requested'), t('by'), t('note'), t('status'), t('decided'), t('decision_note')]}
      empty={translate('pixgate.images.page.no_extra_requests')}
      count={requests.length}
    >
      {requests.map((request) => (
        <TableRow key={request.id}>
          <TableCell>{when(request.createdAt)}</TableCell>
          <TableCell>{request.requestedBy?.name ?? '—'}</TableCell>
          {/* The customer's words, as text. */}
          <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: 280 }}>{request.note ?? '—'}</TableCell>
          <TableCell>
            <Chip
              size="small"
              color={request.status === 'PENDING' ? 'warning' : request.status === 'DECLINED' || request.status === 'WITHDRAWN' ? 'default' : 'success'}
              label={translate(`pixgate.enums.ExtraRequestStatus.${request.status}`)}
            />
            {request.final ? (
              <Typography variant="caption" component="div">
                {t('final')}
              </Typography>
            ) : request.mayAskAgainFrom ? (
              <Typography variant="caption" component="div">
                {translate('pixgate.images.extra.may_ask_again_from', { date: when(request.mayAskAgainFrom) })}
              </Typography>
            ) : null}
          </TableCell>
          <TableCell>
            {when(request.decidedAt)}
            {request.decidedBy ? (
              <Typography variant="caption" component="div" color="text.secondary">
                {request.decidedBy.name}
              </Typography>
            ) : null}
          </TableCell>
          <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: 280 }}>{request.decisionNote ?? '—'}</TableCell>
        </TableRow>
      ))}
    </HistoryTable>
  );
}
