import { Typography } from 'antd';
import { answer, api } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { useOlderPages } from '../../components/olderPages.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useAuditLabels } from '../audit/words.ts';
import { useWords } from './words.ts';

const PAGE = 30;

/** Everything that happened to the project, newest first, with "more" paging back in time. */
export function TimelinePanel({ projectId }: { projectId: string }) {
  const w = useWords();
  const { lang } = useLang();
  const labels = useAuditLabels();
  const first = $api.useQuery('get', '/api/v1/projects/{id}/timeline', {
    params: { path: { id: projectId }, query: { limit: PAGE } },
  });
  const { items, footer } = useOlderPages(
    first.data,
    (before) =>
      answer(
        api.GET('/api/v1/projects/{id}/timeline', {
          params: { path: { id: projectId }, query: { limit: PAGE, before } },
        }),
      ),
    w.more,
  );
  return (
    <QueryState isLoading={first.isLoading} error={first.error}>
      {() => {
        if (!items.length) return <Typography.Text type="secondary">{w.noEvents}</Typography.Text>;
        return (
          <>
            <ol className="jw-plain-list jw-timeline">
              {items.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.at} className="jw-muted">
                    {formatDateTime(e.at, lang)}
                  </time>{' '}
                  <span className="jw-timeline__what">{labels.entity(e.entity)}</span>{' '}
                  {labels.action(e.action)}
                  {e.summary ? `：${e.summary}` : ''} <span className="jw-muted">· {e.actorName}</span>
                </li>
              ))}
            </ol>
            {footer}
          </>
        );
      }}
    </QueryState>
  );
}
