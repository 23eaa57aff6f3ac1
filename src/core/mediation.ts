/**
 * The rules of mediation (矛盾调解) that the server and the pages share: the kinds of dispute, the
 * "four governances" a session draws on, the outcomes and the parties' roles, with their labels.
 */

export const MEDIATION_KINDS = [
  'noise',
  'light',
  'ventilation',
  'site_occupation',
  'cost',
  'maintenance',
  'other',
] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];

/** The "four governances" of the Jiangwan model: 自治, 共治, 德治, 法治. */
export const GOVERNANCES = ['autonomy', 'co_governance', 'virtue', 'law'] as const;
export type Governance = (typeof GOVERNANCES)[number];

/** How a case closes. */
export const CLOSING_OUTCOMES = ['agreed', 'partially_agreed', 'failed', 'withdrawn'] as const;
/** Every outcome a case can have: open until it closes. */
export const OUTCOMES = ['open', ...CLOSING_OUTCOMES] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const MEDIATION_KIND_LABELS: Record<MediationKind, { zh: string; en: string }> = {
  noise: { zh: '噪音', en: 'Noise' },
  light: { zh: '采光', en: 'Daylight' },
  ventilation: { zh: '通风', en: 'Ventilation' },
  site_occupation: { zh: '场地占用', en: 'Use of the site' },
  cost: { zh: '费用分摊', en: 'Cost sharing' },
  maintenance: { zh: '维护保养', en: 'Maintenance' },
  other: { zh: '其他', en: 'Other' },
};

export const GOVERNANCE_LABELS: Record<Governance, { zh: string; en: string }> = {
  autonomy: { zh: '自治', en: 'Self-governance' },
  co_governance: { zh: '共治', en: 'Co-governance' },
  virtue: { zh: '德治', en: 'Rule of virtue' },
  law: { zh: '法治', en: 'Rule of law' },
};

export const OUTCOME_LABELS: Record<Outcome, { zh: string; en: string }> = {
  open: { zh: '调解中', en: 'Open' },
  agreed: { zh: '达成协议', en: 'Agreed' },
  partially_agreed: { zh: '部分达成', en: 'Partially agreed' },
  failed: { zh: '调解不成', en: 'Failed' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
};
