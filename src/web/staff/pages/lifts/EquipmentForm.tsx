import dayjs, { type Dayjs } from 'dayjs';
import {
  INSPECTION_PLAN_LABELS,
  INSPECTION_PLANS,
  USE_UNIT_KIND_LABELS,
  USE_UNIT_KINDS,
} from '../../../../core/lifts.ts';
import { answer, api, type Answer, type Body } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import type { FieldSpec } from '../../components/FormFields.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { useApiMutation } from '../../data.ts';
import { useWords } from './words.ts';

type Lift = NonNullable<Answer<'/api/v1/projects/{id}/lift'>['lift']>;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : null);

/**
 * The lift's equipment record as one form, from the lift's page and from the project's works tab
 * (where it is first recorded: `lift` null, the project named).
 */
export function EquipmentFormModal({
  lift,
  projectId = lift?.projectId ?? '',
  open,
  onClose,
}: {
  lift: Lift | null;
  projectId?: string;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const { pick } = useLang();
  const save = useApiMutation((x: Record<string, unknown>) =>
    answer(
      api.PUT('/api/v1/projects/{id}/lift', {
        params: { path: { id: projectId } },
        body: {
          ...(x as Body<'/api/v1/projects/{id}/lift', 'put'>),
          floorsServed: text(x.floorsServed)
            .split(/[,，、\s]+/)
            .filter(Boolean),
          enteredUseOn: day(x.enteredUseOn),
          warrantyStartsOn: day(x.warrantyStartsOn),
          speed: text(x.speed) || null,
        },
      }),
    ),
  );
  const fields: FieldSpec[] = [
    { name: 'registrationCode', label: w.registrationCode, max: 40 },
    { name: 'useRegistrationNo', label: w.useRegistrationNo, max: 40 },
    { name: 'maker', label: w.maker, max: 100 },
    { name: 'model', label: w.model, max: 100 },
    { name: 'ratedLoadKg', label: w.ratedLoadKg, kind: 'number', min: 1, max: 5000 },
    { name: 'speed', label: w.speed, max: 5, pattern: { regex: /^\d{1,2}(\.\d{1,2})?$/, message: w.speed } },
    { name: 'stops', label: w.stops, kind: 'number', min: 2, max: 60 },
    { name: 'floorsServed', label: w.floorsServed, max: 200 },
    {
      name: 'useUnitKind',
      label: w.useUnitKind,
      kind: 'select',
      options: USE_UNIT_KINDS.map((k) => ({ value: k, label: pick(USE_UNIT_KIND_LABELS[k]) })),
    },
    { name: 'useUnitName', label: w.useUnitName, max: 100 },
    { name: 'useUnitContact', label: w.useUnitContact, max: 50 },
    { name: 'useUnitPhone', label: w.useUnitPhone, max: 30 },
    { name: 'enteredUseOn', label: w.enteredUseOn, kind: 'date' },
    { name: 'warrantyStartsOn', label: w.warrantyStartsOn, kind: 'date' },
    { name: 'warrantyMonths', label: w.warrantyMonths, kind: 'number', min: 0, max: 240 },
    {
      name: 'inspectionPlan',
      label: w.inspectionPlan,
      kind: 'select',
      required: true,
      options: INSPECTION_PLANS.map((k) => ({ value: k, label: pick(INSPECTION_PLAN_LABELS[k]) })),
    },
  ];
  const initialValues = lift
    ? {
        ...lift,
        floorsServed: lift.floorsServed.join(', '),
        enteredUseOn: lift.enteredUseOn ? dayjs(lift.enteredUseOn) : undefined,
        warrantyStartsOn: lift.warrantyStartsOn ? dayjs(lift.warrantyStartsOn) : undefined,
      }
    : { inspectionPlan: 'yearly_inspection' };
  return (
    <RecordFormModal
      open={open}
      title={w.editEquipment}
      fields={fields}
      initialValues={initialValues}
      submit={(values) => save.mutateAsync(values)}
      onClose={onClose}
    />
  );
}
