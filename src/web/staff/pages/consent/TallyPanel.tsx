import { Card, Col, Flex, List, Row, Typography } from 'antd';
import { ElevationDiagram } from '../../../shared/ElevationDiagram.tsx';
import { $api } from '../../data.ts';
import {
  BALLOT_COLORS,
  BALLOT_STATES,
  ballotLegend,
  ballotState,
  SURVEY_STATES,
  type BallotState,
} from './ballotColors.ts';
import { fractionText, tallyBars, type Bar } from './tally.ts';
import type { Tally, TallyUnit } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';

/** Progress against every threshold, the outcome, how many more must agree and the diagram by ballot. */
export function TallyPanel({ tally }: { tally: Tally }) {
  const w = useWords();
  const c = tally.consultation;
  const rule = c.rule;
  return (
    <Flex vertical gap={16}>
      {rule && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              size="small"
              title={w.tallyTab}
              extra={c.status === 'open' && <Typography.Text type="secondary">{w.liveNote}</Typography.Text>}
            >
              <div className="jw-consent-bars">
                {!rule.participation && <Typography.Text type="secondary">{w.noQuorum}</Typography.Text>}
                {tallyBars(rule, tally.counts).map((b) => (
                  <ProgressBar
                    key={b.key}
                    bar={b}
                    base={
                      b.what === 'approval'
                        ? rule.approval.base === 'total'
                          ? w.ofAll
                          : w.ofParticipating
                        : ''
                    }
                  />
                ))}
              </div>
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
                {w.answered({ n: tally.answered, total: tally.counts.totalHeads })}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <OutcomeCard tally={tally} />
          </Col>
        </Row>
      )}
      <TallyDiagrams tally={tally} />
    </Flex>
  );
}

function ProgressBar({ bar: b, base }: { bar: Bar; base: string }) {
  const w = useWords();
  const percent = b.whole > 0 ? Math.min(100, (b.part / b.whole) * 100) : 0;
  const mark = (b.threshold.num / b.threshold.den) * 100;
  const vars = {
    what: w[b.what],
    part: b.partText,
    whole: b.wholeText,
    op: b.strict ? w.moreThan : w.atLeast,
    f: fractionText(b.threshold),
  };
  return (
    <div className="jw-consent-bar" data-testid={`bar-${b.key}`}>
      <div className="jw-consent-bar__text">
        <span>
          {(b.kind === 'heads' ? w.headsBar : w.areaBar)(vars)}
          {base}
        </span>
        <span className={b.met ? 'jw-consent-met' : 'jw-consent-unmet'}>{b.met ? w.met : w.notMet}</span>
      </div>
      <div className="jw-consent-bar__track" aria-hidden="true">
        <div className={`jw-consent-bar__fill${b.met ? ' is-met' : ''}`} style={{ width: `${percent}%` }} />
        <div className="jw-consent-bar__mark" style={{ left: `calc(${mark}% - 1px)` }} />
      </div>
    </div>
  );
}

function OutcomeCard({ tally }: { tally: Tally }) {
  const w = useWords();
  const closed = tally.consultation.status === 'closed';
  const o = tally.outcome;
  const needed = tally.needed;
  // a candidate whose paper ballot awaits its check says so, as on the diagram
  const pending = new Set(tally.groups.filter((g) => g.pending).map((g) => g.id));
  const outcomeText = o
    ? closed
      ? o.passed
        ? w.passed
        : w.notPassed
      : o.passed
        ? w.passedNow
        : w.notPassedNow
    : '';
  return (
    <Card size="small" title={w.outcome}>
      {o && (
        <Typography.Paragraph
          className={o.passed ? 'jw-consent-met' : 'jw-consent-unmet'}
          style={{ fontSize: 18 }}
          data-testid="outcome"
        >
          {outcomeText}
        </Typography.Paragraph>
      )}
      {needed && (
        <>
          <p className="jw-consent-needed" data-testid="needed">
            {needed.count === null
              ? w.needImpossible
              : needed.count === 0
                ? w.needNone
                : w.needMore(needed.count)}
          </p>
          {needed.candidates.length > 0 && (
            <List
              size="small"
              header={w.candidates}
              dataSource={needed.candidates}
              renderItem={(g) => (
                <List.Item>
                  <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
                    <span>
                      {g.label} {g.ownersMasked.join('、') || w.unsold}
                    </span>
                    <span>
                      {g.areaM2} m² · {w.ballot[g.ballot ?? (pending.has(g.id) ? 'pending' : 'none')]}
                    </span>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

/**
 * One elevation diagram per stairwell of the electorate (a building or estate vote spans several);
 * a vote's cells show the ballots, a survey's whether the household replied.
 */
export function TallyDiagrams({ tally }: { tally: Tally }) {
  const stairwellIds = [...new Set(tally.units.map((u) => u.stairwellId))];
  const survey = tally.consultation.kind === 'survey';
  return (
    <>
      {stairwellIds.map((sid) => (
        <StairwellBallots
          key={sid}
          stairwellId={sid}
          units={tally.units.filter((u) => u.stairwellId === sid)}
          survey={survey}
        />
      ))}
    </>
  );
}

type BallotUnit = TallyUnit & { id: string };

function StairwellBallots({
  stairwellId,
  units,
  survey,
}: {
  stairwellId: string;
  units: TallyUnit[];
  survey: boolean;
}) {
  const w = useWords();
  const stairwell = $api.useQuery('get', '/api/v1/stairwells/{id}', {
    params: { path: { id: stairwellId } },
  });
  const s = stairwell.data;
  const title = s ? `${s.estateName} ${s.buildingName} ${s.name}` : '';
  const cells: BallotUnit[] = units.map((u) => ({ ...u, id: u.unitId }));
  const floors = Math.max(s?.floors ?? 0, ...units.map((u) => u.floor));
  // a survey has replies, not votes: "未答复" rather than "未投票"
  const text = (st: BallotState) => (survey && st === 'none' ? w.ballot.unanswered : w.ballot[st]);
  return (
    <Card size="small" title={survey ? w.surveyDiagramTitle : w.diagramTitle}>
      <ElevationDiagram
        floors={floors}
        units={cells}
        caption={survey ? w.surveyDiagramCaption(title) : w.diagramCaption(title)}
        cellColor={(u) => BALLOT_COLORS[ballotState(u)]}
        cellNote={(u) => text(ballotState(u))}
        legend={ballotLegend(text, survey ? SURVEY_STATES : BALLOT_STATES)}
      />
    </Card>
  );
}
