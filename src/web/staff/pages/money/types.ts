import type { Scheme } from '../../../../core/money/schemes.ts';
import type { Project } from '../../../shared/types.ts';
import type { PaymentMethod } from '../../../../core/money/payments.ts';

export type { Scheme };
export type SchemeKind = Scheme['kind'];
export const SCHEME_KINDS: readonly SchemeKind[] = ['floor-coefficient-area', 'floor-percent', 'equal', 'area'];

export interface Line {
  label: string;
  fen: number;
}

export interface CostPlan {
  id: string;
  projectId: string;
  version: number;
  name: string;
  status: 'draft' | 'adopted' | 'superseded';
  constructionFen: number;
  otherCosts: Line[];
  subsidy: { ruleId: string | null; rate: string; capFen: number | null } | null;
  otherFunds: Line[];
  compensations: { unitId: string; fen: number; note: string }[];
  scheme: Scheme;
  schedule: { label: string; dueOn: string; percent: string }[];
  runningCostRule: string;
  subsidyFen: number;
  amountToShareFen: number;
  adoptedAt: string | null;
  adoptedByName: string | null;
  createdByName: string;
  createdAt: string;
}

export interface ShareRow {
  unitId: string;
  floor: number;
  room: string;
  areaM2: string;
  shareFen: number;
  compensationFen: number;
  signedAt?: string | null;
  signedChannel?: 'paper' | 'online' | null;
  signedByName?: string | null;
}

export interface PlanDetail {
  plan: CostPlan;
  project: Project;
  shares: ShareRow[];
}

export interface WhatIfScheme {
  name: string;
  scheme: Scheme;
  subsidyFen: number;
  amountToShareFen: number;
  shares: ShareRow[];
  perFloor: { floor: number; fen: number }[];
  spreadFen: number;
}

export interface WhatIfAnswer {
  units: { id: string; floor: number; room: string; areaM2: string }[];
  schemes: WhatIfScheme[];
}

export type PayState = 'exempt' | 'paid' | 'partial' | 'unpaid';

export interface PaymentUnit {
  unitId: string;
  floor: number;
  room: string;
  owners: string[];
  shareFen: number;
  paidFen: number;
  outstandingFen: number;
  signed: boolean;
  state: PayState;
}

export interface PaymentStatus {
  plan: CostPlan;
  units: PaymentUnit[];
  arrears: PaymentUnit[];
  totals: { shareFen: number; paidFen: number };
}


export type ClaimStatus = 'prepared' | 'submitted' | 'approved' | 'received';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['prepared', 'submitted', 'approved', 'received'];

export interface SubsidyClaimRow {
  status: ClaimStatus;
  preparedOn: string | null;
  submittedOn: string | null;
  approvedOn: string | null;
  receivedOn: string | null;
  grantedFen: number | null;
  note: string;
}

/** GET /api/v1/projects/:id/subsidy-claim: the amount from the adopted plan, and the claim once started. */
export interface SubsidyClaim {
  amountFen: number | null;
  planVersion: number | null;
  stage: string;
  claim: SubsidyClaimRow | null;
}

export interface RunningBill {
  id: string;
  unitId: string;
  room: string;
  floor: number;
  amountFen: number;
  paidFen: number;
  payments: { amountFen: number; paidOn: string; method: PaymentMethod; receiptNo: string }[];
}

export interface RunningYear {
  id: string;
  year: number;
  items: Line[];
  scheme: Scheme;
  totalFen: number;
  collectedFen: number;
  bills: RunningBill[];
}
