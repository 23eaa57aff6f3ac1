import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { DatePicker } from '../../components/DatePicker.ts';
import { useNavigate } from 'react-router';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { Project } from '../../../shared/types.ts';
import { formBody, WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useToday } from '../../session.tsx';
import { MEDIATION_KINDS } from '../../../../core/mediation.ts';
import type { MediationCase } from '../notices/types.ts';
import { useWords } from '../notices/words.ts';
import { useRules } from '../../components/rules.ts';

const ROLES = ['applicant', 'respondent', 'other'] as const;

interface PartyDraft {
  unitId?: string | undefined;
  name?: string | undefined;
  role?: (typeof ROLES)[number] | undefined;
}

/** The parties as the API takes them: a unit, a name (a person or an organisation), or both. */
const partiesBody = (drafts: unknown) =>
  ((drafts as PartyDraft[] | undefined) ?? [])
    .map((p) => ({
      unitId: p.unitId || undefined,
      name: p.name?.trim() || undefined,
      role: p.role ?? 'other',
    }))
    .filter((p) => p.unitId || p.name);

/** The units of the project's stairwell, to name a party by their flat. */
function useUnitOptions(stairwellId: string | undefined) {
  const w = useWords();
  const stairwell = $api.useQuery(
    'get',
    '/api/v1/stairwells/{id}',
    { params: { path: { id: stairwellId ?? '' } } },
    { enabled: Boolean(stairwellId) },
  );
  return (stairwell.data?.units ?? []).map((u) => ({ value: u.id, label: w.roomOf(u.room) }));
}

/** The parties of a case: each a flat of the stairwell and/or a name, with their role. */
function PartiesField({ units }: { units: { value: string; label: string }[] }) {
  const w = useWords();
  const rules = useRules();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <fieldset className="jw-parties">
          <legend className="jw-parties__legend">{w.parties}</legend>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} wrap align="end" className="jw-party">
              <Form.Item name={[f.name, 'role']} label={w.partyRole(i + 1)} className="jw-party__role">
                <Select options={ROLES.map((r) => ({ value: r, label: w.roles[r] }))} />
              </Form.Item>
              <Form.Item name={[f.name, 'unitId']} label={w.partyUnit} className="jw-party__unit">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={units} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'name']}
                label={w.partyName}
                rules={rules.text(w.partyName, { max: 100 })}
                className="jw-grow"
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item label=" " colon={false}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={w.removeParty(i + 1)}
                  onClick={() => remove(f.name)}
                />
              </Form.Item>
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ role: fields.length === 0 ? 'applicant' : 'respondent' })}
          >
            {w.addParty}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

/** A case opened from a complaint (an objection is escalated from the notices instead). */
export function NewCaseModal({
  project,
  open,
  onClose,
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const navigate = useNavigate();
  const units = useUnitOptions(open ? project.stairwellId : undefined);
  const create = useApiMutation((body: Record<string, unknown>) =>
    answer(api.POST('/api/v1/mediation', { body: body as Body<'/api/v1/mediation'> })),
  );
  return (
    <WriteModal
      open={open}
      title={w.newCase}
      fieldNames={['kind', 'title', 'description', 'complaint', 'openedOn', 'parties']}
      initialValues={{ kind: 'noise', openedOn: today.day, parties: [{ role: 'applicant' }] }}
      submit={async (v) => {
        const { parties, ...rest } = v;
        const created = await create.mutateAsync({
          ...formBody(rest),
          projectId: project.id,
          parties: partiesBody(parties),
        });
        void navigate(`/mediation/${created.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label={w.caseKind} rules={rules.choice(w.caseKind, { required: true })}>
        <Select options={MEDIATION_KINDS.map((k) => ({ value: k, label: w.mediationKinds[k] }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={w.caseTitle}
        rules={rules.text(w.caseTitle, { required: true, max: 200 })}
      >
        <Input maxLength={200} placeholder={w.caseTitleExample} />
      </Form.Item>
      <Form.Item name="complaint" label={w.complaint} rules={rules.text(w.complaint, { max: 5000 })}>
        <Input maxLength={5000} placeholder={w.complaintExample} />
      </Form.Item>
      <Form.Item name="description" label={w.description} rules={rules.text(w.description, { max: 10000 })}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Form.Item name="openedOn" label={w.openedOn}>
        <DatePicker style={{ width: '100%' }} disabledDate={today.isAfterToday} />
      </Form.Item>
      <PartiesField units={units} />
    </WriteModal>
  );
}

/** The parties of an open case, as they become known. */
export function PartiesModal({
  c,
  stairwellId,
  open,
  onClose,
}: {
  c: MediationCase;
  stairwellId: string | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const units = useUnitOptions(open ? stairwellId : undefined);
  const save = useApiMutation((body: Body<'/api/v1/mediation/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/mediation/{id}', { params: { path: { id: c.id } }, body })),
  );
  return (
    <WriteModal
      open={open}
      title={w.editParties}
      fieldNames={['parties']}
      initialValues={{
        parties: c.parties.map((p) => ({ unitId: p.unitId ?? undefined, name: p.name, role: p.role })),
      }}
      submit={(v) => save.mutateAsync({ parties: partiesBody(v.parties) })}
      onClose={onClose}
    >
      <PartiesField units={units} />
    </WriteModal>
  );
}
