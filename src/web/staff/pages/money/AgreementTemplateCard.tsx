import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { answer, api, type Answer } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { useAgreementWords } from './agreementWords.ts';
import './money.css';

type Template = Answer<'/api/v1/agreement-template'>;
type Clause = Template['clauses'][number];

/**
 * The street's agreement clauses, edited by the street admin: every project's Word agreement and
 * the owners' page print them with the project's data filled in.
 */
export function AgreementTemplateCard() {
  const query = $api.useQuery('get', '/api/v1/agreement-template');
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => <Editor key={JSON.stringify(query.data)} template={query.data!} />}
    </QueryState>
  );
}

function Editor({ template }: { template: Template }) {
  const w = useAgreementWords();
  const { common } = useStaffWords();
  const { pick, lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [clauses, setClauses] = useState(template.clauses);
  const [quorum, setQuorum] = useState(template.amendQuorum);
  const save = useApiMutation(() =>
    answer(api.PUT('/api/v1/agreement-template', { body: { clauses, amendQuorum: quorum } })),
  );
  const reset = useApiMutation(() => answer(api.DELETE('/api/v1/agreement-template')));
  const run = async (m: typeof save, done: string) => {
    try {
      await m.mutateAsync();
      void message.success(done);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const set = (i: number, change: Partial<Clause>) =>
    setClauses((cs) => cs.map((c, x) => (x === i ? { ...c, ...change } : c)));
  const moveUp = (i: number) =>
    setClauses((cs) => [...cs.slice(0, i - 1), cs[i]!, cs[i - 1]!, ...cs.slice(i + 1)]);

  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.title}</h2>}
      extra={
        <Flex gap={8} wrap>
          <Popconfirm title={w.resetConfirm} onConfirm={() => void run(reset, w.resetDone)}>
            <Button loading={reset.isPending} disabled={template.isDefault}>
              {w.reset}
            </Button>
          </Popconfirm>
          <Button type="primary" loading={save.isPending} onClick={() => void run(save, common.saved)}>
            {common.save}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {w.note}{' '}
        {template.isDefault
          ? w.isDefault
          : w.edited(
              template.version,
              template.updatedByName ?? '',
              formatDateTime(template.updatedAt!, lang),
            )}
      </Typography.Paragraph>
      <details className="jw-agreement-placeholders">
        <summary>{w.placeholders}</summary>
        <dl>
          {template.placeholders.map((p) => (
            <div key={p.name}>
              <dt lang="zh-CN">{`{${p.name}}`}</dt>
              <dd>{pick(p.label)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <fieldset className="jw-agreement-quorum">
        <legend>{w.quorum}</legend>
        <Flex wrap gap={8} align="center">
          <label>
            {w.quorumArea}{' '}
            <Input
              value={quorum.area}
              maxLength={20}
              style={{ width: 90 }}
              onChange={(e) => setQuorum((q) => ({ ...q, area: e.target.value }))}
            />
          </label>
          <label>
            {w.quorumHeads}{' '}
            <Input
              value={quorum.heads}
              maxLength={20}
              style={{ width: 90 }}
              onChange={(e) => setQuorum((q) => ({ ...q, heads: e.target.value }))}
            />
          </label>
        </Flex>
        <Typography.Text type="secondary">{w.quorumHint}</Typography.Text>
      </fieldset>
      <ol className="jw-plain-list jw-agreement-clauses">
        {clauses.map((c, i) => (
          // clauses have no key of their own; the position is what the admin edits
          <li key={i} className="jw-item" data-testid="agreement-clause">
            <Flex gap={8} align="center" wrap>
              <span className="jw-muted">{i + 1}.</span>
              <Input
                value={c.title}
                maxLength={60}
                aria-label={w.clauseTitle(i + 1)}
                onChange={(e) => set(i, { title: e.target.value })}
                style={{ flex: '1 1 200px' }}
              />
              <Button
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                aria-label={w.moveUp(i + 1)}
                onClick={() => moveUp(i)}
              />
              <Button
                icon={<DeleteOutlined />}
                disabled={clauses.length <= 1}
                aria-label={w.remove(i + 1)}
                onClick={() => setClauses((cs) => cs.filter((_, x) => x !== i))}
              />
            </Flex>
            <Input.TextArea
              value={c.body}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 10 }}
              aria-label={w.clauseBody(i + 1)}
              onChange={(e) => set(i, { body: e.target.value })}
              style={{ marginTop: 8 }}
            />
          </li>
        ))}
      </ol>
      <Button
        icon={<PlusOutlined />}
        disabled={clauses.length >= 30}
        style={{ marginTop: 8 }}
        onClick={() => setClauses((cs) => [...cs, { title: w.newTitle, body: w.newBody }])}
      >
        {w.add}
      </Button>
    </Card>
  );
}
