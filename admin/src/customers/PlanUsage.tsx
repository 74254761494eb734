import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CustomerDetailRecord, CustomerUsageRecord } from '../dataProvider/customers';
import { EntitlementActions } from './EntitlementActions';

/** One period's plan units: used of the cap, as a bar and in words, and when it starts afresh. */
function Meter({ label, period }: { label: string; period: CustomerUsageRecord['day'] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const share = period.limit > 0 ? Math.min(100, (period.used / period.limit) * 100) : 100;
  const resets = new Date(period.resetAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const text = translate('pixgate.usage.of', { used: period.used, limit: period.limit });
  return (
    <Box sx={{ minWidth: 220, flex: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <LinearProgress variant="determinate" value={share} color={period.remaining === 0 ? 'warning' : 'primary'} aria-label={`${label}: ${text}`} sx={{ my: 0.5, height: 8, borderRadius: 4 }} />
      <Typography variant="body2">{text}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('pixgate.usage.resets', { time: resets })}
      </Typography>
    </Box>
  );
}

/** The plan's caps and features in a line. */
function PlanFacts({ plan }: { plan: NonNullable<CustomerDetailRecord['plan']> }) {
  const translate = useTranslate();
  const yesNo = (value: boolean) => translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('pixgate.plan.facts', {
        daily: plan.dailyUnits,
        monthly: plan.monthlyUnits,
        upscale: plan.maxUpscale,
        face: yesNo(plan.faceEnhance),
        credits: yesNo(plan.creditsAllowed),
      })}
    </Typography>
  );
}

/** The customer's plan, its AI-enhancement usage this day and month, the credit balance, and the audited actions on them. */
export function PlanUsage() {
  const customer = useRecordContext<CustomerDetailRecord>();
  const translate = useTranslate();
  const { data: usage } = useGetOne<CustomerUsageRecord>('customerUsage', { id: customer?.id ?? '' }, { enabled: Boolean(customer) });
  if (!customer) return null;
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
          {customer.plan?.name ?? '—'}
        </Typography>
        {customer.plan ? <PlanFacts plan={customer.plan} /> : null}
      </Box>
      {usage ? (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} data-testid="usage">
          <Meter label={translate('pixgate.usage.today')} period={usage.day} />
          <Meter label={translate('pixgate.usage.month')} period={usage.month} />
          <Box sx={{ minWidth: 180 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('pixgate.usage.credits')}
            </Typography>
            <Typography variant="h5" component="p" data-testid="credit-balance">
              {usage.creditBalance}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(customer.plan?.creditsAllowed ? 'pixgate.usage.credits_usable' : 'pixgate.usage.credits_not_usable')}
            </Typography>
          </Box>
        </Stack>
      ) : null}
      <EntitlementActions />
    </Stack>
  );
}
