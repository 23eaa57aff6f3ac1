/** Questions of an informal willingness survey (意向征询). Defaults are ours and editable. */
export interface SurveyQuestion {
  id: string;
  kind: 'single' | 'multi' | 'text';
  text: { zh: string; en: string };
  options?: { id: string; zh: string; en: string }[];
}

export const DEFAULT_SURVEY_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'willing',
    kind: 'single',
    text: { zh: '您是否愿意本单元加装电梯？', en: 'Would you like a lift added to this stairwell?' },
    options: [
      { id: 'yes', zh: '愿意', en: 'Yes' },
      { id: 'no', zh: '不愿意', en: 'No' },
      { id: 'unsure', zh: '还没想好', en: 'Not sure yet' },
    ],
  },
  {
    id: 'pay',
    kind: 'single',
    text: { zh: '您是否愿意按楼层分摊费用？', en: 'Would you share the cost by floor?' },
    options: [
      { id: 'yes', zh: '愿意', en: 'Yes' },
      { id: 'depends', zh: '视金额而定', en: 'Depends on the amount' },
      { id: 'no', zh: '不愿意', en: 'No' },
    ],
  },
  {
    id: 'concerns',
    kind: 'multi',
    text: { zh: '您主要担心什么？（可多选）', en: 'What worries you most? (choose any)' },
    options: [
      { id: 'cost', zh: '费用', en: 'Cost' },
      { id: 'light', zh: '采光', en: 'Daylight' },
      { id: 'noise', zh: '噪音', en: 'Noise' },
      { id: 'maintenance', zh: '日后维护', en: 'Upkeep later' },
      { id: 'works', zh: '施工影响', en: 'Disruption during works' },
    ],
  },
  { id: 'comment', kind: 'text', text: { zh: '其他意见或建议', en: 'Other comments' } },
];

/** Checks a reply against the questions; returns the id of the first bad answer, or null. */
export function invalidAnswer(
  questions: readonly SurveyQuestion[],
  answers: Record<string, string | string[]>,
): string | null {
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q) return id;
    const allowed = new Set(q.options?.map((o) => o.id));
    if (q.kind === 'single' && (typeof value !== 'string' || !allowed.has(value))) return id;
    if (q.kind === 'multi' && (!Array.isArray(value) || value.some((v) => !allowed.has(v)))) return id;
    if (q.kind === 'text' && (typeof value !== 'string' || value.length > 1000)) return id;
  }
  return null;
}
