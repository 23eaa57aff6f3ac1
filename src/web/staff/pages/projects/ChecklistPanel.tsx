import { Checkbox, Flex, Progress, Typography } from 'antd';
import { STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import { answer, api } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useWords } from './words.ts';
import type { Checklist, ChecklistItem } from './work-types.ts';

/**
 * The method (3-4-5-6-7-8-9) as this project's checklist: a progress bar per group, each item
 * with its tick, who ticked it and when; the items of the current stage stand out.
 */
export function ChecklistPanel({
  projectId,
  stage,
  canEdit,
}: {
  projectId: string;
  stage: Stage;
  canEdit: boolean;
}) {
  const w = useWords();
  const query = $api.useQuery('get', '/api/v1/projects/{id}/checklist', {
    params: { path: { id: projectId } },
  });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{w.checklistHint}</Typography.Text>
          {query.data!.groups.map((g) => (
            <Group key={g.key} group={g} projectId={projectId} stage={stage} canEdit={canEdit} />
          ))}
        </Flex>
      )}
    </QueryState>
  );
}

function Group({
  group: g,
  projectId,
  stage,
  canEdit,
}: {
  group: Checklist['groups'][number];
  projectId: string;
  stage: Stage;
  canEdit: boolean;
}) {
  const w = useWords();
  const { pick } = useLang();
  const id = `jw-group-${g.key}`;
  return (
    <section aria-labelledby={id} className="jw-group">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={3} id={id} className="jw-group__title">
          {pick(g.name)}
        </Typography.Title>
        <span className="jw-group__count">{w.doneOf({ done: g.done, total: g.total })}</span>
      </Flex>
      <Progress
        percent={Math.round((g.done / Math.max(1, g.total)) * 100)}
        size="small"
        aria-label={w.groupProgress(pick(g.name))}
      />
      <ul className="jw-plain-list">
        {g.items.map((i) => (
          <Item key={i.id} item={i} projectId={projectId} current={i.stage === stage} canEdit={canEdit} />
        ))}
      </ul>
    </section>
  );
}

function Item({
  item: i,
  projectId,
  current,
  canEdit,
}: {
  item: ChecklistItem;
  projectId: string;
  current: boolean;
  canEdit: boolean;
}) {
  const w = useWords();
  const { pick, lang } = useLang();
  const tick = useApiMutation((done: boolean) =>
    answer(
      api.PUT('/api/v1/projects/{id}/checklist/{itemId}', {
        params: { path: { id: projectId, itemId: i.id } },
        body: { done },
      }),
    ),
  );
  // the tick shows at once; the refreshed list then says who and when
  const checked = tick.isPending ? tick.variables : Boolean(i.doneAt);
  return (
    <li className={current ? 'jw-item is-current' : 'jw-item'}>
      <Checkbox checked={checked} disabled={!canEdit} onChange={(e) => tick.mutate(e.target.checked)}>
        {pick(i.text)}
      </Checkbox>
      <Flex wrap gap={6} className="jw-item__meta">
        {current ? (
          <span className="jw-now-tag">{w.thisStage}</span>
        ) : (
          <span className="jw-muted">{pick(STAGE_LABELS[i.stage])}</span>
        )}
        {i.doneAt && (
          <span className="jw-muted">
            {w.tickedBy({ name: i.doneByName ?? '', at: formatDateTime(i.doneAt, lang) })}
          </span>
        )}
      </Flex>
    </li>
  );
}
