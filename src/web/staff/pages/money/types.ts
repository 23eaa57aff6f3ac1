/**
 * Names for what the money routes answer: the generated contract's types, never hand-written
 * mirrors. The scheme is the domain's (src/core), which the answers carry as it is.
 */
import type { Scheme } from '../../../../core/money/schemes.ts';
import type { Answer, ItemOf } from '../../../shared/api.ts';

export type { Scheme };
export type SchemeKind = Scheme['kind'];
export const SCHEME_KINDS: readonly SchemeKind[] = [
  'floor-coefficient-area',
  'floor-percent',
  'equal',
  'area',
];

/** A plan version as GET /api/v1/projects/:id/cost-plans lists it. */
export type CostPlan = ItemOf<Answer<'/api/v1/projects/{id}/cost-plans'>>;

/** GET /api/v1/cost-plans/:id: the plan, its project and each household's share. */
export type PlanDetail = Answer<'/api/v1/cost-plans/{id}'>;
export type ShareRow = PlanDetail['shares'][number];

/** POST /api/v1/projects/:id/cost-plans/what-if */
export type WhatIfAnswer = Answer<'/api/v1/projects/{id}/cost-plans/what-if', 'post'>;
export type WhatIfScheme = WhatIfAnswer['schemes'][number];

/** GET /api/v1/cost-plans/:id/payments */
export type PaymentStatus = Answer<'/api/v1/cost-plans/{id}/payments'>;
export type PaymentUnit = PaymentStatus['units'][number];
export type PayState = PaymentUnit['state'];

/** GET /api/v1/projects/:id/subsidy-claim: the amount from the adopted plan, and the claim once started. */
export type SubsidyClaim = Answer<'/api/v1/projects/{id}/subsidy-claim'>;
export type ClaimStatus = NonNullable<SubsidyClaim['claim']>['status'];
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['prepared', 'submitted', 'approved', 'received'];

/** GET /api/v1/projects/:id/running-costs: a year of running costs with its bills. */
export type RunningYear = Answer<'/api/v1/projects/{id}/running-costs'>['years'][number];
export type RunningBill = RunningYear['bills'][number];
