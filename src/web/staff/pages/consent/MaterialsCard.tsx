import { App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { READABLE_ON_A_PHONE } from '../../../../core/documents.ts';
import { answer, api } from '../../../shared/api.ts';
import { formatFileSize } from '../../../shared/format.ts';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import type { Consultation } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';

/**
 * What the owners read before voting: documents of the project's library (chosen while a draft)
 * and the cost plan put to the vote, whose figures each household sees as "what we would pay".
 */
export function MaterialsCard({ consultation: c }: { consultation: Consultation }) {
  const w = useWords();
  const { canWrite } = useSession();
  const materials = $api.useQuery('get', '/api/v1/consultations/{id}/materials', {
    params: { path: { id: c.id } },
  });
  const plans = $api.useQuery('get', '/api/v1/projects/{id}/cost-plans', {
    params: { path: { id: c.projectId } },
  });
  const items = materials.data?.items ?? [];
  const proposed = plans.data?.items.find((p) => p.consultationId === c.id);
  const editable = canWrite && c.status !== 'closed';
  return (
    <Card size="small" title={w.materialsTitle}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{w.materialsHelp}</Typography.Text>
        {items.length ? (
          <ol className="jw-materials" data-testid="materials">
            {items.map((m) => (
              <li key={m.documentId}>
                <a href={`/api/v1/documents/${m.documentId}/versions/${m.version}`}>{m.title}</a>{' '}
                <Typography.Text type="secondary">
                  {w.materialVersion(m.version)} · {formatFileSize(m.size)}
                </Typography.Text>
              </li>
            ))}
          </ol>
        ) : (
          <Typography.Text>{w.noMaterials}</Typography.Text>
        )}
        {canWrite && c.status === 'draft' && (
          <ChooseMaterials consultation={c} chosen={items.map((m) => m.documentId)} />
        )}
        <Typography.Text>
          {w.proposedPlan}：
          {proposed ? (
            <Link to={`/projects/${c.projectId}/money`}>{w.planName(proposed.name, proposed.version)}</Link>
          ) : (
            w.noProposedPlan
          )}
        </Typography.Text>
        {editable && plans.data && (
          <ChoosePlan consultation={c} plans={plans.data.items} current={proposed?.id ?? null} />
        )}
      </Flex>
    </Card>
  );
}

function ChooseMaterials({ consultation: c, chosen }: { consultation: Consultation; chosen: string[] }) {
  const w = useWords();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const docs = $api.useQuery('get', '/api/v1/projects/{id}/documents', {
    params: { path: { id: c.projectId } },
  });
  const [value, setValue] = useState<string[]>(chosen);
  useEffect(() => setValue(chosen), [chosen.join()]);
  const save = useApiMutation((documentIds: string[]) =>
    answer(
      api.PUT('/api/v1/consultations/{id}/materials', {
        params: { path: { id: c.id } },
        body: { documentIds },
      }),
    ),
  );
  const options = (docs.data?.items ?? []).map((d) => {
    const latest = d.versions[0];
    const readable = Boolean(latest && READABLE_ON_A_PHONE.includes(latest.mime));
    return {
      value: d.id,
      label: readable ? d.title : `${d.title}（${w.notOnAPhone}）`,
      disabled: !readable,
    };
  });
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={w.chooseMaterials} extra={w.chooseMaterialsHelp} htmlFor="materials-select">
        <Select
          id="materials-select"
          mode="multiple"
          value={value}
          onChange={setValue}
          options={options}
          loading={docs.isLoading}
          placeholder={w.chooseMaterialsPlaceholder}
          optionFilterProp="label"
        />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() =>
            save.mutate(value, {
              onSuccess: () => void message.success(w.materialsSaved),
              onError: (err) => void message.error(errorText(err)),
            })
          }
        >
          {w.saveMaterials}
        </Button>
        <Link to={`/projects/${c.projectId}?tab=documents`}>{w.toLibrary}</Link>
      </Flex>
    </Form>
  );
}

function ChoosePlan({
  consultation: c,
  plans,
  current,
}: {
  consultation: Consultation;
  plans: { id: string; name: string; version: number; status: string; consultationId: string | null }[];
  current: string | null;
}) {
  const w = useWords();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const put = useApiMutation((v: { planId: string; consultationId: string | null }) =>
    answer(
      api.PUT('/api/v1/cost-plans/{id}/vote', {
        params: { path: { id: v.planId } },
        body: { consultationId: v.consultationId },
      }),
    ),
  );
  const options = [
    { value: '', label: w.noProposedPlan },
    ...plans
      .filter((p) => p.status !== 'superseded')
      .map((p) => ({ value: p.id, label: w.planName(p.name, p.version) })),
  ];
  const choose = (planId: string) => {
    const vars = planId
      ? { planId, consultationId: c.id }
      : current
        ? { planId: current, consultationId: null }
        : null;
    if (!vars) return;
    put.mutate(vars, {
      onSuccess: () => void message.success(w.proposedPlanSaved),
      onError: (err) => void message.error(errorText(err)),
    });
  };
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={w.chooseProposedPlan} extra={w.chooseProposedPlanHelp} htmlFor="proposed-plan">
        <Select
          id="proposed-plan"
          value={current ?? ''}
          options={options}
          onChange={choose}
          loading={put.isPending}
          style={{ maxWidth: 420 }}
        />
      </Form.Item>
    </Form>
  );
}
