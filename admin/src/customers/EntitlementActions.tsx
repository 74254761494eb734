import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { CustomerDetailRecord } from '../dataProvider/customers';
import type { PlanRecord } from '../dataProvider/plans';
import { ReasonDialog } from '../shared/ReasonDialog';

/** A whole number other than 0 (the API refuses 0 and fractions), as typed into the units field. */
export function parseUnits(text: string): number | null {
  if (!/^\s*-?\d+\s*$/.test(text)) return null;
  const units = Number(text);
  return Number.isSafeInteger(units) && units !== 0 ? units : null;
}

/** The customer's audited entitlement actions: another plan, or credits granted or taken back. Each asks for a reason. */
export function EntitlementActions() {
  const customer = useRecordContext<CustomerDetailRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [dialog, setDialog] = useState<'plan' | 'credits' | null>(null);
  const [planId, setPlanId] = useState('');
  const [units, setUnits] = useState('');
  const { data: plans = [] } = useGetList<PlanRecord>('plans', { pagination: { page: 1, perPage: 100 } }, { enabled: dialog === 'plan' });
  if (!customer) return null;

  const done = (message: string) => {
    notify(message, { type: 'success' });
    // The customer, its usage and its audit trail: the new entry shows at once.
    refresh();
  };
  const grant = parseUnits(units);

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button variant="outlined" onClick={() => (setPlanId(customer.plan?.id ?? ''), setDialog('plan'))}>
        {translate('pixgate.plan.change')}
      </Button>
      <Button variant="outlined" onClick={() => (setUnits(''), setDialog('credits'))}>
        {translate('pixgate.credits.grant')}
      </Button>

      <ReasonDialog
        open={dialog === 'plan'}
        title={translate('pixgate.plan.change_title', { name: customer.name })}
        help={translate('pixgate.plan.change_help')}
        confirmLabel={translate('ra.action.save')}
        confirmDisabled={planId === '' || planId === customer.plan?.id}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await dataProvider.setCustomerPlan('customers', { customerId: customer.id, planId, reason });
          done('pixgate.plan.changed');
        }}
      >
        <TextField select label={translate('pixgate.plan.new_plan')} value={plans.length > 0 ? planId : ''} onChange={(event) => setPlanId(event.target.value)} autoFocus>
          {plans.map((plan) => (
            <MenuItem key={plan.id} value={plan.id}>
              {plan.name}
            </MenuItem>
          ))}
        </TextField>
      </ReasonDialog>

      <ReasonDialog
        open={dialog === 'credits'}
        title={translate('pixgate.credits.grant_title', { name: customer.name })}
        help={translate('pixgate.credits.grant_help', { balance: customer.creditBalance ?? 0 })}
        confirmLabel={translate('pixgate.credits.grant')}
        confirmDisabled={grant === null}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await dataProvider.grantEnhancementCredits('customers', { customerId: customer.id, units: grant!, reason });
          done('pixgate.credits.granted');
        }}
      >
        <TextField
          label={translate('pixgate.credits.units')}
          type="number"
          value={units}
          onChange={(event) => setUnits(event.target.value)}
          helperText={translate('pixgate.credits.units_help')}
          slotProps={{ htmlInput: { step: 1 } }}
          autoFocus
        />
      </ReasonDialog>
    </Stack>
  );
}
