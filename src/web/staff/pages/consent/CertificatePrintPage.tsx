import { useParams } from 'react-router';
import { formatAreaM2 } from '../../../../core/area.ts';
import { formatReceipt } from '../../../../core/consent/receipts.ts';
import { useLang } from '../../../shared/words.ts';
import { $api, useErrorText } from '../../data.ts';
import { PrintFrame } from './PrintFrame.tsx';
import { fractionText } from './tally.ts';
import type { Certificate } from './types.ts';
import { useWords } from './words.ts';

/** The closing result as a printable page: rule, thresholds, counts, outcome, ballots, ledger head. */
export default function CertificatePrintPage() {
  const { id = '' } = useParams();
  const w = useWords();
  const errorText = useErrorText();
  const query = $api.useQuery('get', '/api/v1/consultations/{id}/certificate', { params: { path: { id } } });
  const d = query.data;
  const title = d ? (d.consultation.kind === 'vote' ? w.certTitleVote : w.certTitleSurvey) : '';
  return (
    <PrintFrame
      title={d ? `${d.consultation.title} · ${title}` : ''}
      back={`/consultations/${id}`}
      loading={!d}
      error={query.error ? <p role="alert">{errorText(query.error)}</p> : null}
    >
      {d && <CertificateBody d={d} title={title} />}
    </PrintFrame>
  );
}

function CertificateBody({ d, title }: { d: Certificate; title: string }) {
  const w = useWords();
  const { pick } = useLang();
  const c = d.consultation;
  const rule = c.rule;
  const counts = c.result?.counts;
  const outcome = c.result?.outcome;
  const date = (v: string | null) => (v ? new Date(v).toLocaleString() : '');
  const op = (strict: boolean) => (strict ? w.strictOp : w.inclusiveOp);
  return (
    <section className="jw-cert" aria-label={title}>
      <h2>{title}</h2>
      <p>
        {w.project}：{d.project}
      </p>
      <p>{w.matter(c.title)}</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{c.question}</p>
      <p>
        {w.statusLine}：{c.status === 'closed' ? w.closedOn(date(c.closedAt)) : w.provisional}
      </p>
      {rule && (
        <>
          <h3>{w.rule}</h3>
          <p>
            {pick(rule.name)}（{rule.id} v{rule.version}）
          </p>
          <p>
            {w.participationThreshold}：
            {rule.participation
              ? w.participationText({
                  area: fractionText(rule.participation.area),
                  heads: fractionText(rule.participation.heads),
                })
              : w.noQuorum}
          </p>
          <p>
            {w.approvalThreshold}：
            {w.approvalText({
              base: rule.approval.base === 'participating' ? w.baseParticipating : w.baseTotal,
              op: op(rule.approval.strict),
              area: fractionText(rule.approval.area),
              heads: fractionText(rule.approval.heads),
            })}
          </p>
        </>
      )}
      {counts && (
        <div className="jw-cert__scroll">
          <table>
            <thead>
              <tr>
                <td />
                <th scope="col" className="num">
                  {w.headsCol}
                </th>
                <th scope="col" className="num">
                  {w.areaCol}
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['allOwners', counts.totalHeads, counts.totalArea],
                  ['participating', counts.participatingHeads, counts.participatingArea],
                  ['agreeing', counts.agreeingHeads, counts.agreeingArea],
                ] as const
              ).map(([key, heads, area]) => (
                <tr key={key}>
                  <th scope="row">{w[key]}</th>
                  <td className="num">{heads}</td>
                  <td className="num">{formatAreaM2(area)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outcome && (
        <p className="jw-cert__outcome" data-testid="cert-outcome">
          {w.outcome}：{outcome.passed ? w.passed : w.notPassed}（{w.participationThreshold}
          {outcome.participationMet ? w.met : w.notMet}，{w.approvalThreshold}
          {outcome.approvalMet ? w.met : w.notMet}）
        </p>
      )}
      <h3>{w.ballotsList}</h3>
      <div className="jw-cert__scroll" role="region" aria-label={w.ballotsList} tabIndex={0}>
        <table className="jw-cert__ballots">
          <thead>
            <tr>
              <th scope="col">{w.household}</th>
              <th scope="col">{w.owners}</th>
              <th scope="col" className="num">
                {w.areaM2}
              </th>
              <th scope="col">{w.choice}</th>
              <th scope="col">{w.channel}</th>
              <th scope="col">{w.castAt}</th>
              <th scope="col">{w.receipt}</th>
            </tr>
          </thead>
          <tbody>
            {d.ballots.map((b) => (
              <tr key={b.household}>
                <td>{b.household}</td>
                <td>{b.owners.join('、')}</td>
                <td className="num">{b.areaM2}</td>
                <td>
                  {b.choice === 'answered' ? w.answeredChoice : b.choice ? w.ballot[b.choice] : w.notVoted}
                </td>
                <td>{b.channel ? w.channels[b.channel] : ''}</td>
                <td>{date(b.castAt)}</td>
                <td className="jw-cert__receipt">{b.receipt ? formatReceipt(b.receipt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="jw-cert__note">{w.receiptNote}</p>
      <p>
        {w.ledgerLine({
          events: d.ledger.events,
          verdict: d.ledger.ok ? w.ledgerVerdictOk : w.ledgerVerdictBad(d.ledger.firstBad?.seq ?? 0),
        })}
      </p>
      <p>
        {w.headHash}：
        <span className="jw-cert__hash" data-testid="head-hash">
          {d.ledger.headHash}
        </span>
      </p>
      <p className="jw-cert__stamp">
        <span>{w.stamp}</span>
        <span style={{ display: 'inline-block', width: '12em' }} />
        <span>{w.stampDate}</span>
      </p>
    </section>
  );
}
