import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { answer, api, type Answer } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { useWorksWords } from './worksWords.ts';

type Template = Answer<'/api/v1/works-template'>;
type Milestone = Template['milestones'][number];

const randomKey = () =>
  'm_' +
  Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The street's works milestones (施工节点), edited by the street admin; projects copy them when their works begin. */
export function WorksTemplateCard() {
  const query = $api.useQuery('get', '/api/v1/works-template');
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => <Editor key={JSON.stringify(query.data)} template={query.data!} />}
    </QueryState>
  );
}

function Editor({ template }: { template: Template }) {
  const w = useWorksWords();
  const { common } = useStaffWords();
  const { pick } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [rows, setRows] = useState(template.milestones);
  const save = useApiMutation((milestones: Milestone[]) =>
    answer(api.PUT('/api/v1/works-template', { body: { milestones } })),
  );
  const set = (i: number, change: Partial<Milestone>) =>
    setRows((r) => r.map((m, x) => (x === i ? { ...m, ...change } : m)));
  const send = async () => {
    try {
      await save.mutateAsync(rows);
      void message.success(common.saved);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.templateTitle}</h2>}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => void send()}>
          {common.save}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{w.templateNote}</Typography.Paragraph>
      <ol className="jw-plain-list">
        {rows.map((m, i) => (
          <li key={m.key} className="jw-item">
            <Flex wrap gap={8} align="center">
              <span className="jw-muted">{i + 1}.</span>
              <Input
                value={m.name.zh}
                maxLength={100}
                aria-label={w.milestoneZh(i + 1)}
                onChange={(e) => set(i, { name: { ...m.name, zh: e.target.value } })}
                style={{ flex: '2 1 160px' }}
              />
              <Input
                value={m.name.en}
                maxLength={200}
                aria-label={w.milestoneEn(i + 1)}
                onChange={(e) => set(i, { name: { ...m.name, en: e.target.value } })}
                style={{ flex: '2 1 160px' }}
              />
              <InputNumber
                value={m.days}
                min={1}
                max={365}
                aria-label={w.milestoneDays(i + 1)}
                onChange={(v) => set(i, { days: v ?? 1 })}
                style={{ width: 80 }}
              />
              <span className="jw-muted">{w.days}</span>
              <Button
                icon={<DeleteOutlined />}
                disabled={rows.length <= 1}
                aria-label={w.removeMilestone(pick(m.name))}
                onClick={() => setRows((r) => r.filter((_, x) => x !== i))}
              />
            </Flex>
          </li>
        ))}
      </ol>
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={rows.length >= 30}
        style={{ marginTop: 8 }}
        onClick={() =>
          setRows((r) => [
            ...r,
            { key: randomKey(), name: { zh: w.newMilestone, en: 'New milestone' }, days: 7 },
          ])
        }
      >
        {w.addMilestone}
      </Button>
    </Card>
  );
}
