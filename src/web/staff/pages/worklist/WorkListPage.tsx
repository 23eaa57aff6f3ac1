import { Badge, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import { useLang } from '../../../shared/i18n.ts';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useApiQuery } from '../../data.ts';
import '../projects/work.css';

const KINDS = ['overdue_step', 'notice_ending', 'unanswered_objection', 'vote_closing', 'idle_project', 'assigned'] as const;
type Kind = (typeof KINDS)[number];

interface WorkItem {
  kind: Kind;
  projectId: string;
  projectName: string;
  title: string;
  date: string | null;
  refId: string | null;
}

/** Where each kind of item is worked on, from the project page. */
const TAB_OF: Partial<Record<Kind, string>> = { overdue_step: '?tab=approvals' };

/** What needs attention now, grouped by kind with counts; each item links to its project. */
export default function WorkListPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const query = useApiQuery<{ items: WorkItem[]; counts: Record<Kind, number> }>('/api/v1/worklist');
  return (
    <>
      <PageHeader title={t('menu.worklist')} />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => {
          const { items, counts } = query.data!;
          // the adviser's own projects only when there are some; the rest always, even empty
          // what has items first, in the order of urgency
          const kinds = KINDS.filter((k) => k !== 'assigned' || counts.assigned > 0).sort((a, b) => Number(counts[b] > 0) - Number(counts[a] > 0));
          return (
            <Flex vertical gap={16}>
              <Typography.Text type="secondary">{items.length ? t('work.listTotal', { n: items.length }) : t('work.listEmpty')}</Typography.Text>
              <Row gutter={[16, 16]}>
                {kinds.map((k) => (
                  <Col key={k} xs={24} lg={12}>
                    <Card
                      size="small"
                      title={
                        <h2 className="jw-card-title" id={`jw-work-${k}`}>
                          {t(`work.kinds.${k}`)} <Badge count={counts[k]} showZero color={counts[k] && k !== 'assigned' ? '#a8071a' : '#595959'} />
                        </h2>
                      }
                    >
                      {counts[k] === 0 ? (
                        <Typography.Text type="secondary">{t('work.nothing')}</Typography.Text>
                      ) : (
                        <ul className="jw-plain-list jw-work-group" aria-labelledby={`jw-work-${k}`}>
                          {items
                            .filter((i) => i.kind === k)
                            .map((i, n) => (
                              <li key={`${i.projectId}-${i.refId ?? n}`}>
                                <Link to={`/projects/${i.projectId}${TAB_OF[k] ?? ''}`}>{i.projectName}</Link>
                                <div>
                                  {k === 'idle_project' ? t('work.idleSince', { date: i.date }) : k === 'assigned' ? t('work.assignedStage', { stage: pick(STAGE_LABELS[i.title as Stage], i.title) }) : i.title}
                                  {i.date && k !== 'idle_project' && <span className="jw-muted"> · {t(`work.dateOf.${k}`, { date: i.date })}</span>}
                                </div>
                              </li>
                            ))}
                        </ul>
                      )}
                    </Card>
                  </Col>
                ))}
              </Row>
            </Flex>
          );
        }}
      </QueryState>
    </>
  );
}
