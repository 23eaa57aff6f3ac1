import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { STAGES, STAGE_LABELS } from '../../../../core/stages.ts';
import { answer, api, type Answer, type Body } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { useWords } from './words.ts';
import { WorksTemplateCard } from './WorksTemplateCard.tsx';
import { AgreementTemplateCard } from '../money/AgreementTemplateCard.tsx';
import './work.css';

/**
 * A new item's key is an identifier, not a time: random hex (getRandomValues works over plain
 * HTTP on a LAN too, where randomUUID does not), so two items added in one moment stay apart.
 */
const randomSuffix = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');

type Template = Answer<'/api/v1/templates'>;
type MethodGroup = Template['method'][number];
type ApprovalStepTemplate = Template['approvalSteps'][number];
type TemplateChange = Body<'/api/v1/templates', 'put'>;

/**
 * The street's templates, edited by the street admin: the method's items (our defaults: the
 * article names only the groups) and the approval steps. New projects copy them.
 */
export default function TemplatesPage() {
  const { menu } = useStaffWords();
  const query = $api.useQuery('get', '/api/v1/templates');
  return (
    <>
      <PageHeader title={menu.templates} />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => <Editor key={JSON.stringify(query.data)} template={query.data!} />}
      </QueryState>
    </>
  );
}

function Editor({ template }: { template: Template }) {
  const { common } = useStaffWords();
  const w = useWords();
  const { pick } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [method, setMethod] = useState(template.method);
  const [steps, setSteps] = useState(template.approvalSteps);
  const save = useApiMutation((body: TemplateChange) => answer(api.PUT('/api/v1/templates', { body })));
  const send = async (body: TemplateChange) => {
    try {
      await save.mutateAsync(body);
      void message.success(common.saved);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const setItem = (g: number, i: number, change: Partial<MethodGroup['items'][number]>) =>
    setMethod((m) =>
      m.map((grp, gi) =>
        gi !== g ? grp : { ...grp, items: grp.items.map((it, ii) => (ii !== i ? it : { ...it, ...change })) },
      ),
    );
  const setStep = (i: number, change: Partial<ApprovalStepTemplate>) =>
    setSteps((s) => s.map((st, si) => (si !== i ? st : { ...st, ...change })));
  const stageOptions = STAGES.map((s) => ({ value: s, label: pick(STAGE_LABELS[s]) }));

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={template.isDefault ? w.templatesDefault : w.templatesEdited}
        description={w.templatesNote}
      />
      <Card
        size="small"
        title={<h2 className="jw-card-title">{w.methodTemplate}</h2>}
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => void send({ method })}>
            {common.save}
          </Button>
        }
      >
        <Flex vertical gap={16}>
          {method.map((g, gi) => (
            <section key={g.key} aria-labelledby={`jw-tg-${g.key}`}>
              <Typography.Title level={3} id={`jw-tg-${g.key}`} className="jw-group__title">
                {pick(g.name)} <span className="jw-muted">{w.itemsCount(g.items.length)}</span>
              </Typography.Title>
              <ol className="jw-plain-list">
                {g.items.map((it, ii) => (
                  <li key={it.key} className="jw-item">
                    <Flex wrap gap={8} align="center">
                      <Input
                        value={it.text.zh}
                        onChange={(e) => setItem(gi, ii, { text: { ...it.text, zh: e.target.value } })}
                        aria-label={w.itemZh({ n: ii + 1, group: pick(g.name) })}
                        style={{ flex: '2 1 240px' }}
                        maxLength={200}
                      />
                      <Input
                        value={it.text.en}
                        onChange={(e) => setItem(gi, ii, { text: { ...it.text, en: e.target.value } })}
                        aria-label={w.itemEn({ n: ii + 1, group: pick(g.name) })}
                        style={{ flex: '2 1 240px' }}
                        maxLength={300}
                      />
                      <Select
                        value={it.stage}
                        options={stageOptions}
                        onChange={(v) => setItem(gi, ii, { stage: v })}
                        aria-label={w.itemStage({ n: ii + 1, group: pick(g.name) })}
                        style={{ width: 150 }}
                      />
                      <Button
                        icon={<DeleteOutlined />}
                        disabled={g.items.length <= 3}
                        aria-label={w.removeItem({ n: ii + 1, group: pick(g.name) })}
                        onClick={() =>
                          setMethod((m) =>
                            m.map((grp, x) =>
                              x !== gi ? grp : { ...grp, items: grp.items.filter((_, y) => y !== ii) },
                            ),
                          )
                        }
                      />
                    </Flex>
                  </li>
                ))}
              </ol>
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={g.items.length >= 9}
                style={{ marginTop: 8 }}
                onClick={() =>
                  setMethod((m) =>
                    m.map((grp, x) =>
                      x !== gi
                        ? grp
                        : {
                            ...grp,
                            items: [
                              ...grp.items,
                              {
                                key: `${g.key}-${randomSuffix()}`,
                                stage: 'mobilisation',
                                text: { zh: w.newItem, en: 'New item' },
                              },
                            ],
                          },
                    ),
                  )
                }
              >
                {w.addItem}
              </Button>
            </section>
          ))}
        </Flex>
      </Card>
      <Card
        size="small"
        title={<h2 className="jw-card-title">{w.approvalTemplate}</h2>}
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => void send({ approvalSteps: steps })}>
            {common.save}
          </Button>
        }
      >
        <Table<ApprovalStepTemplate>
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 1000 }}
          dataSource={steps}
          aria-label={w.approvalTemplate}
          columns={[
            { title: '#', key: 'n', width: 40, render: (_, __, i) => i + 1 },
            {
              title: w.step,
              key: 'name',
              width: 200,
              render: (_, s, i) => (
                <Input
                  value={s.name.zh}
                  maxLength={200}
                  aria-label={w.stepName(i + 1)}
                  onChange={(e) => setStep(i, { name: { ...s.name, zh: e.target.value } })}
                />
              ),
            },
            {
              title: w.agency,
              key: 'agency',
              width: 180,
              render: (_, s, i) => (
                <Input
                  value={s.agency}
                  maxLength={100}
                  aria-label={w.stepAgency(i + 1)}
                  onChange={(e) => setStep(i, { agency: e.target.value })}
                />
              ),
            },
            {
              title: w.documents,
              key: 'documents',
              width: 220,
              render: (_, s, i) => (
                <Input
                  value={s.documents.join('、')}
                  aria-label={w.stepDocuments(i + 1)}
                  onChange={(e) =>
                    setStep(i, {
                      documents: e.target.value
                        .split(/[、,，]/)
                        .map((d) => d.trim())
                        .filter(Boolean),
                    })
                  }
                />
              ),
            },
            {
              title: w.limit,
              key: 'limit',
              width: 90,
              render: (_, s, i) => (
                <InputNumber
                  value={s.limitDays}
                  min={1}
                  max={365}
                  aria-label={w.stepLimit(i + 1)}
                  onChange={(v) => setStep(i, { limitDays: v ?? 1 })}
                  style={{ width: 72 }}
                />
              ),
            },
            {
              title: w.dayKind,
              key: 'dayKind',
              width: 120,
              render: (_, s, i) => (
                <Select
                  value={s.dayKind}
                  aria-label={w.stepDayKind(i + 1)}
                  onChange={(v) => setStep(i, { dayKind: v })}
                  style={{ width: 100 }}
                  options={[
                    { value: 'working', label: w.working },
                    { value: 'natural', label: w.natural },
                  ]}
                />
              ),
            },
            {
              title: w.mayNotApply,
              key: 'optional',
              width: 90,
              render: (_, s, i) => (
                <Checkbox
                  checked={s.optional}
                  aria-label={w.stepOptional(i + 1)}
                  onChange={(e) => setStep(i, { optional: e.target.checked })}
                />
              ),
            },
          ]}
        />
      </Card>
      <WorksTemplateCard />
      <AgreementTemplateCard />
    </Flex>
  );
}
