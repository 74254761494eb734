import { BooleanField, Datagrid, FunctionField, List, NumberField, TextField, useTranslate } from 'react-admin';
import type { PlanRecord } from '../dataProvider/plans';

/** The plans a customer can be put on, smallest first, to compare (the API changes them only in code and migrations). */
export function PlanList() {
  const translate = useTranslate();
  return (
    <List perPage={100} pagination={false} exporter={false} sort={{ field: 'monthlyUnits', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <TextField source="key" sortable={false} sx={{ fontFamily: 'monospace' }} />
        <NumberField source="dailyUnits" sortable={false} />
        <NumberField source="monthlyUnits" sortable={false} />
        <FunctionField source="maxUpscale" sortable={false} render={(plan: PlanRecord) => translate('pixgate.plan.upscale', { factor: plan.maxUpscale })} />
        <BooleanField source="faceEnhance" sortable={false} />
        <BooleanField source="creditsAllowed" sortable={false} />
      </Datagrid>
    </List>
  );
}
