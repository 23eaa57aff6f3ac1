import { Button, Typography } from 'antd';
import { useState } from 'react';
import { answer, api } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useErrorText } from '../../data.ts';
import { useAuditLabels } from '../audit/words.ts';
import { useWords } from './words.ts';
import type { TimelinePage } from './work-types.ts';

const PAGE = 30;

/** Everything that happened to the project, newest first, with "more" paging back in time. */
export function TimelinePanel({ projectId }: { projectId: string }) {
  const w = useWords();
  const { lang } = useLang();
  const errorText = useErrorText();
  const labels = useAuditLabels();
  const first = $api.useQuery('get', '/api/v1/projects/{id}/timeline', {
    params: { path: { id: projectId }, query: { limit: PAGE } },
  });
  const [older, setOlder] = useState<TimelinePage[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pages = first.data ? [first.data, ...older] : [];
  const next = pages.length ? pages[pages.length - 1]!.nextBefore : null;
  const more = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await answer(
        api.GET('/api/v1/projects/{id}/timeline', {
          params: { path: { id: projectId }, query: { limit: PAGE, before: next ?? undefined } },
        }),
      );
      setOlder((list) => [...list, page]);
    } catch (err) {
      setError(errorText(err));
    }
    setLoading(false);
  };
  return (
    <QueryState isLoading={first.isLoading} error={first.error}>
      {() => {
        const items = pages.flatMap((p) => p.items);
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
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
            {next !== null && (
              <Button onClick={() => void more()} loading={loading} style={{ marginTop: 8 }}>
                {w.more}
              </Button>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
