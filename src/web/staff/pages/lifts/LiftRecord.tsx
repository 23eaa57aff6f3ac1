/**
 * The lift's page beyond its upkeep (issue 12 item 5): its fault reports, the running costs billed
 * to its owners (the money module's bills), and its history. The faults and the bills are read
 * from their own modules' routes; core/liftHistory.ts puts everything in one timeline.
 */
import { Card, Flex, Table, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { FAULT_KIND_LABELS, FAULT_STEP_LABELS } from '../../../../core/faults.ts';
import { liftHistory, type LiftEvent } from '../../../../core/liftHistory.ts';
import { INSPECTION_KIND_LABELS, INSPECTION_RESULT_LABELS } from '../../../../core/upkeep.ts';
import { addDays } from '../../../../core/calendar.ts';
import { shanghaiDate } from '../../../../core/clock.ts';
import type { Answer } from '../../../shared/api.ts';
import { formatYuan } from '../../../shared/yuan.ts';
import { useLang } from '../../../shared/words.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Yuan } from '../../components/cells.tsx';
import { $api } from '../../data.ts';
import { useToday } from '../../session.tsx';
import { Colored, ORANGE, RED } from '../notices/tags.tsx';
import { useWords } from './words.ts';

type LiftPageData = Answer<'/api/v1/lifts/{id}'>;
type Fault = Answer<'/api/v1/faults'>['items'][number];
type RunningYear = Answer<'/api/v1/projects/{id}/running-costs'>['years'][number];

/** The lift's reports (the latest 100) and its running-cost years, read once for the three cards. */
export function useLiftRecord(lift: LiftPageData['lift']) {
  const faults = $api.useQuery('get', '/api/v1/faults', {
    params: { query: { liftId: lift.id, pageSize: 100 } },
  });
  const costs = $api.useQuery('get', '/api/v1/projects/{id}/running-costs', {
    params: { path: { id: lift.projectId } },
  });
  return { faults: faults.data?.items ?? [], years: costs.data?.years ?? [] };
}

/** Open reports first, and the last twelve months in figures: reports, entrapments, late arrivals. */
export function LiftFaultsCard({ faults }: { faults: Fault[] }) {
  const w = useWords();
  const { pick } = useLang();
  const today = useToday();
  const yearAgo = addDays(today.iso, -365);
  const ofYear = faults.filter((f) => shanghaiDate(new Date(f.reportedAt)) > yearAgo);
  const open = faults.filter((f) => f.step !== 'closed');
  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.faults}</h2>}
      extra={<ButtonLink to="/faults">{w.allFaults}</ButtonLink>}
    >
      <Typography.Paragraph>
        {w.faultYear(
          ofYear.length,
          ofYear.filter((f) => f.kind === 'entrapment').length,
          ofYear.filter((f) => f.response.withinLimit === false).length,
        )}
        {faults[0]?.repeated && (
          <>
            {' '}
            <Colored c={ORANGE}>{w.repeated}</Colored>
          </>
        )}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        dataSource={open}
        pagination={false}
        locale={{ emptyText: <span className="jw-empty">{w.noOpenFaults}</span> }}
        columns={[
          { key: 'ref', title: w.faultRef, render: (_, f) => <Link to={`/faults/${f.id}`}>{f.ref}</Link> },
          { key: 'kind', title: w.faultKind, render: (_, f) => pick(FAULT_KIND_LABELS[f.kind]) },
          {
            key: 'at',
            title: w.reportedAt,
            render: (_, f) => <span className="jw-nowrap">{shanghaiDate(new Date(f.reportedAt))}</span>,
          },
          {
            key: 'step',
            title: w.faultStep,
            render: (_, f) => (
              <>
                {pick(FAULT_STEP_LABELS[f.step])}{' '}
                {f.response.overdue && <Colored c={RED}>{w.faultLate(f.response.onSiteLimit)}</Colored>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Each year's running costs: what was billed, what is collected, how many households paid. */
export function LiftCostsCard({ projectId, years }: { projectId: string; years: RunningYear[] }) {
  const w = useWords();
  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.runningCosts}</h2>}
      extra={<ButtonLink to={`/projects/${projectId}/money`}>{w.collect}</ButtonLink>}
    >
      <Table
        rowKey="id"
        size="small"
        dataSource={[...years].reverse()}
        pagination={false}
        locale={{ emptyText: <span className="jw-empty">{w.noRunningCosts}</span> }}
        columns={[
          { key: 'year', title: w.year, dataIndex: 'year' },
          { key: 'total', title: w.billed, render: (_, y) => <Yuan fen={y.totalFen} /> },
          { key: 'collected', title: w.collected, render: (_, y) => <Yuan fen={y.collectedFen} /> },
          {
            key: 'paid',
            title: w.householdsPaid,
            render: (_, y) => {
              // households billed nothing (floors that do not use the lift) are not counted
              const billed = y.bills.filter((b) => b.amountFen > 0);
              return `${billed.filter((b) => b.paidFen >= b.amountFen).length} / ${billed.length}`;
            },
          },
        ]}
      />
    </Card>
  );
}

/** Everything that happened to the lift, newest first (core/liftHistory.ts). */
export function LiftHistoryCard({
  data,
  faults,
  years,
}: {
  data: LiftPageData;
  faults: Fault[];
  years: RunningYear[];
}) {
  const w = useWords();
  const { pick } = useLang();
  const events = liftHistory({
    enteredUseOn: data.lift.enteredUseOn,
    contracts: data.contracts,
    insurance: data.insurance,
    inspections: data.inspections,
    visits: data.visits,
    faults: faults.map((f) => ({
      id: f.id,
      ref: f.ref,
      on: shanghaiDate(new Date(f.reportedAt)),
      kind: f.kind,
      late: f.response.withinLimit === false,
      closed: f.step === 'closed',
    })),
    runningYears: years.map((y) => ({
      year: y.year,
      on: shanghaiDate(new Date(y.createdAt)),
      totalFen: y.totalFen,
    })),
    followUps: data.followUp.items
      .filter((f) => f.openedAt)
      .map((f) => ({
        on: shanghaiDate(new Date(f.openedAt!)),
        title: f.title,
        satisfied: f.satisfaction?.part ?? 0,
        answered: f.satisfaction?.whole ?? 0,
      })),
  });
  const say = (e: LiftEvent) => {
    switch (e.kind) {
      case 'entered_use':
        return w.eventEnteredUse;
      case 'contract':
        return w.eventContract(e.company, e.endsOn);
      case 'insurance':
        return w.eventInsurance(e.insurer, e.endsOn);
      case 'inspection':
        return `${pick(INSPECTION_KIND_LABELS[e.inspection])}：${pick(INSPECTION_RESULT_LABELS[e.result])}`;
      case 'late_visit':
        return w.eventLateVisit(e.gapDays);
      case 'fault':
        return (
          <>
            {pick(FAULT_KIND_LABELS[e.fault])} <Link to={`/faults/${e.id}`}>{e.ref}</Link>
            {e.late && <> {<Colored c={RED}>{w.lateOnSite}</Colored>}</>}
            {!e.closed && <> {<Colored c={ORANGE}>{w.stillOpen}</Colored>}</>}
          </>
        );
      case 'running_costs':
        return w.eventRunningCosts(e.year, formatYuan(e.totalFen));
      case 'follow_up':
        return w.eventFollowUp(e.title, e.satisfied, e.answered);
    }
  };
  return (
    <Card size="small" title={<h2 className="jw-card-title">{w.history}</h2>}>
      {events.length === 0 ? (
        <span className="jw-empty">{w.noHistory}</span>
      ) : (
        <Timeline
          items={events.slice(0, 60).map((e, i) => ({
            key: `${e.on}-${e.kind}-${i}`,
            children: (
              <Flex gap={8} wrap>
                <span className="jw-nowrap">{e.on}</span>
                <span>{say(e)}</span>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
