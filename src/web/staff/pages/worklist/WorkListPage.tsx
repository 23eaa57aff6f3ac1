import { Badge, Card, Col, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { FOLLOW_UP_ROUND_LABELS, type FollowUpRound } from '../../../../core/followup.ts';
import { STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import type { Answer, ItemOf } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { formatYuan } from '../../../shared/yuan.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { ProvisionalTag } from '../notices/tags.tsx';
import { useWords } from './words.ts';
import '../projects/work.css';

const KINDS = [
  'holidays_unconfirmed',
  'fault_overdue',
  'open_fault',
  'overdue_step',
  'overdue_milestone',
  'notice_ending',
  'period_moved',
  'unanswered_objection',
  'vote_closing',
  'unsigned_agreements',
  'arrears',
  'subsidy_to_claim',
  'upkeep_due',
  'follow_up_due',
  'idle_project',
  'assigned',
] as const satisfies readonly Kind[];

/** GET /api/v1/worklist (src/server/modules/projects/worklist.ts) */
type WorkItem = ItemOf<Answer<'/api/v1/worklist'>>;
type Kind = WorkItem['kind'];

/** Kinds only some roles ever get: shown when they have items, not as an empty card. */
const ONLY_WHEN_ANY: readonly Kind[] = [
  'assigned',
  'holidays_unconfirmed',
  'period_moved',
  'fault_overdue',
  'open_fault',
  'follow_up_due',
];

/** Where each kind of item is worked on. */
function linkOf(i: WorkItem): string {
  if (i.kind === 'holidays_unconfirmed') return `/settings/holidays/${i.refId}`;
  if (i.kind === 'open_fault' || i.kind === 'fault_overdue') return `/faults/${i.refId}`;
  if (i.kind === 'overdue_step') return `/projects/${i.projectId}?tab=approvals`;
  if (i.kind === 'overdue_milestone') return `/projects/${i.projectId}?tab=works`;
  if (i.kind === 'notice_ending' || i.kind === 'period_moved' || i.kind === 'unanswered_objection')
    return `/projects/${i.projectId}/notices`;
  if (i.kind === 'unsigned_agreements' || i.kind === 'arrears' || i.kind === 'subsidy_to_claim')
    return `/projects/${i.projectId}/money`;
  if (i.kind === 'upkeep_due' || i.kind === 'follow_up_due') return `/lifts/${i.refId}`;
  return `/projects/${i.projectId}`;
}

/** What needs attention now, grouped by kind with counts; each item links to where it is worked on. */
export default function WorkListPage() {
  const { menu } = useStaffWords();
  const w = useWords();
  const query = $api.useQuery('get', '/api/v1/worklist');
  return (
    <>
      <PageHeader title={menu.worklist} />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => {
          const { items, counts } = query.data!;
          // the rest always, even empty; what has items first, in the order of urgency
          const kinds = KINDS.filter((k) => !ONLY_WHEN_ANY.includes(k) || counts[k] > 0).sort(
            (a, b) => Number(counts[b] > 0) - Number(counts[a] > 0),
          );
          return (
            <Flex vertical gap={16}>
              <Typography.Text type="secondary">
                {items.length ? w.listTotal(items.length) : w.listEmpty}
              </Typography.Text>
              <Row gutter={[16, 16]}>
                {kinds.map((k) => (
                  <Col key={k} xs={24} lg={12}>
                    <Card
                      size="small"
                      title={
                        <h2 className="jw-card-title" id={`jw-work-${k}`}>
                          {w.kinds[k]}{' '}
                          <Badge
                            count={counts[k]}
                            showZero
                            color={counts[k] && k !== 'assigned' ? '#a8071a' : '#595959'}
                          />
                        </h2>
                      }
                    >
                      {counts[k] === 0 ? (
                        <Typography.Text type="secondary">{w.nothing}</Typography.Text>
                      ) : (
                        <ul className="jw-plain-list jw-work-group" aria-labelledby={`jw-work-${k}`}>
                          {items
                            .filter((i) => i.kind === k)
                            .map((i, n) => (
                              <li key={`${i.projectId ?? ''}-${i.refId ?? n}`}>
                                <WorkItemView item={i} />
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

function WorkItemView({ item: i }: { item: WorkItem }) {
  const w = useWords();
  const { pick } = useLang();
  if (i.kind === 'holidays_unconfirmed') {
    return (
      <>
        <Link to={linkOf(i)}>{w.holidaysYear(i.refId ?? '')}</Link>
        <div>{w.holidaysUnconfirmed}</div>
      </>
    );
  }
  const text =
    i.kind === 'idle_project'
      ? w.idleSince(i.date ?? '')
      : i.kind === 'assigned'
        ? w.assignedStage(pick(STAGE_LABELS[i.title as Stage], i.title))
        : i.kind === 'unsigned_agreements'
          ? w.unsigned(i.count ?? 0)
          : i.kind === 'arrears'
            ? w.overdue({ count: i.count ?? 0, yuan: formatYuan(i.amountFen ?? 0) })
            : i.kind === 'subsidy_to_claim'
              ? w.subsidy(formatYuan(i.amountFen ?? 0))
              : i.kind === 'follow_up_due'
                ? pick(FOLLOW_UP_ROUND_LABELS[i.title as FollowUpRound])
                : i.title;
  return (
    <>
      <Link to={linkOf(i)}>{i.projectName}</Link>
      <div>
        {text}
        {i.date && i.kind !== 'idle_project' && i.kind !== 'upkeep_due' && (
          <>
            {' · '}
            {/* a date is never split across lines on a phone ("2026-" / "11-26") */}
            <span className="jw-muted jw-nowrap">{w.dateOf[i.kind](i.date)}</span>
          </>
        )}
        {i.provisional && (
          <>
            {' '}
            <ProvisionalTag />
          </>
        )}
      </div>
    </>
  );
}
