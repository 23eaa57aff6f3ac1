/**
 * A lift in service (运维保养关): its equipment record and who is responsible for it, shared by the
 * server and the pages. The upkeep rules (visits, inspections, insurance) are in core/upkeep.ts.
 */

/** The body responsible for the lift's use (电梯使用单位 / 使用管理单位), chosen by the owners. */
export const USE_UNIT_KINDS = ['owners_group', 'property_company', 'other'] as const;
export type UseUnitKind = (typeof USE_UNIT_KINDS)[number];
export const USE_UNIT_KIND_LABELS: Record<UseUnitKind, { zh: string; en: string }> = {
  owners_group: { zh: '业主自管小组', en: "Owners' group" },
  property_company: { zh: '物业服务企业', en: 'Property company' },
  other: { zh: '其他单位', en: 'Other body' },
};

/**
 * How the yearly check is done: the periodic inspection by the inspection body every year
 * (定期检验), or — where the city's inspection reform applies — the inspection and a self-inspection
 * by a qualified testing body (自行检测) in alternate years. Configurable per lift.
 */
export const INSPECTION_PLANS = ['yearly_inspection', 'alternate_self_inspection'] as const;
export type InspectionPlan = (typeof INSPECTION_PLANS)[number];
export const INSPECTION_PLAN_LABELS: Record<InspectionPlan, { zh: string; en: string }> = {
  yearly_inspection: { zh: '每年定期检验', en: 'Periodic inspection every year' },
  alternate_self_inspection: {
    zh: '定期检验与自行检测隔年交替',
    en: 'Periodic inspection and self-inspection in alternate years',
  },
};

/** "1.5" or "1.50" m/s → 150 hundredths; null when it is not such a number. */
export function speedToCenti(text: string): number | null {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 150 → "1.50" */
export function centiToSpeed(centi: number): string {
  return `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
}

/** The stages in which a project has a lift to record: from the works on. */
export const LIFT_STAGES = ['construction', 'acceptance', 'in_service'] as const;
