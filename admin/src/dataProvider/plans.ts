import type { GetListParams, GetManyParams } from 'react-admin';
import { graphql } from '../gql';
import type { PlanFieldsFragment } from '../gql/graphql';
import { request } from '../graphql/api';
import { resourceProvider } from './resource-provider';

export const PlanFields = graphql(`
  fragment PlanFields on Plan {
    id
    key
    name
    dailyUnits
    monthlyUnits
    maxUpscale
    faceEnhance
    creditsAllowed
  }
`);

const PlanList = graphql(`
  query AdminPlanList {
    plans {
      ...PlanFields
    }
  }
`);

export type PlanRecord = PlanFieldsFragment;

/** A handful of plans, smallest first: the API answers them all at once, so paging is done here. */
async function allPlans() {
  return (await request(PlanList, {})).plans;
}

export const plansProvider = resourceProvider({
  getList: async (_resource: string, params: GetListParams) => {
    const plans = await allPlans();
    const { page, perPage } = params.pagination ?? { page: 1, perPage: plans.length };
    return { data: plans.slice((page - 1) * perPage, page * perPage), total: plans.length };
  },
  getMany: async (_resource: string, params: GetManyParams) => {
    const wanted = new Set(params.ids.map(String));
    return { data: (await allPlans()).filter((plan) => wanted.has(plan.id)) };
  },
});
