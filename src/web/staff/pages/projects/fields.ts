import dayjs, { type Dayjs } from 'dayjs';
import type { Project } from '../../../shared/types.ts';
import type { FieldSpec } from '../../components/FormFields.tsx';
import { $api } from '../../data.ts';
import { useWords } from './words.ts';

export const DATE_FIELDS = ['mobilisedOn', 'consultationOn', 'worksStartedOn', 'completedOn'] as const;
type DateField = (typeof DATE_FIELDS)[number];

/** Form values hold Dayjs for the date pickers; the API speaks YYYY-MM-DD or null. */
export function datesToBody(values: Record<string, unknown>): Record<string, unknown> {
  const body = { ...values };
  for (const key of DATE_FIELDS)
    if (key in body) body[key] = body[key] ? (body[key] as Dayjs).format('YYYY-MM-DD') : null;
  if ('adviserUserId' in body) body.adviserUserId = body.adviserUserId ?? null;
  return body;
}

export function projectToValues(p: Project): Record<string, unknown> {
  const values: Record<string, unknown> = {
    name: p.name,
    adviserUserId: p.adviserUserId ?? undefined,
    note: p.note,
  };
  for (const key of DATE_FIELDS) values[key] = p[key] ? dayjs(p[key]) : undefined;
  return values;
}

/** The project form (the stage changes through its own check); advisers are listed only for staff who may assign them. */
export function useProjectFields(canAssign: boolean) {
  const w = useWords();
  const advisers = $api.useQuery('get', '/api/v1/advisers', {}, { enabled: canAssign });
  const label = (key: DateField) => w.dateFields[key];
  const name: FieldSpec = { name: 'name', label: w.name, required: true, max: 100 };
  const adviser: FieldSpec = {
    name: 'adviserUserId',
    label: w.adviser,
    kind: 'select',
    options: (advisers.data?.items ?? []).map((a) => ({
      value: a.id,
      label: `${a.displayName}（${a.organisation}）`,
    })),
  };
  const dates: FieldSpec[] = DATE_FIELDS.map((key) => ({ name: key, label: label(key), kind: 'date' }));
  const note: FieldSpec = { name: 'note', label: w.note, kind: 'textarea', max: 2000 };
  return { name, adviser, dates, note, dateLabel: label };
}
