import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatAreaM2 } from '../../../../core/area.ts';
import { useLang } from '../../../shared/i18n.ts';
import { $api, useErrorText } from '../../data.ts';
import { PrintFrame } from './PrintFrame.tsx';
import { fractionText } from './tally.ts';
import type { Certificate } from './types.ts';

/** The closing result as a printable page: rule, thresholds, counts, outcome, ballots, ledger head. */
export default function CertificatePrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = $api.useQuery('get', '/api/v1/consultations/{id}/certificate', { params: { path: { id } } });
  const d = query.data;
  const title = d
    ? d.consultation.kind === 'vote'
      ? t('consent.certTitleVote')
      : t('consent.certTitleSurvey')
    : '';
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
  const { t } = useTranslation();
  const { pick } = useLang();
  const c = d.consultation;
  const rule = c.rule;
  const counts = c.result?.counts;
  const outcome = c.result?.outcome;
  const date = (v: string | null) => (v ? new Date(v).toLocaleString() : '');
  const op = (strict: boolean) => (strict ? t('consent.strictOp') : t('consent.inclusiveOp'));
  return (
    <section className="jw-cert" aria-label={title}>
      <h2>{title}</h2>
      <p>
        {t('consent.project')}：{d.project}
      </p>
      <p>{t('consent.matter', { title: c.title })}</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{c.question}</p>
      <p>
        {t('consent.statusLine')}：
        {c.status === 'closed' ? t('consent.closedOn', { date: date(c.closedAt) }) : t('consent.provisional')}
      </p>
      {rule && (
        <>
          <h3>{t('consent.rule')}</h3>
          <p>
            {pick(rule.name)}（{rule.id} v{rule.version}）
          </p>
          <p>
            {t('consent.participationThreshold')}：
            {rule.participation
              ? t('consent.participationText', {
                  area: fractionText(rule.participation.area),
                  heads: fractionText(rule.participation.heads),
                })
              : t('consent.noQuorum')}
          </p>
          <p>
            {t('consent.approvalThreshold')}：
            {t('consent.approvalText', {
              base:
                rule.approval.base === 'participating'
                  ? t('consent.baseParticipating')
                  : t('consent.baseTotal'),
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
                  {t('consent.headsCol')}
                </th>
                <th scope="col" className="num">
                  {t('consent.areaCol')}
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
                  <th scope="row">{t(`consent.${key}`)}</th>
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
          {t('consent.outcome')}：{outcome.passed ? t('consent.passed') : t('consent.notPassed')}（
          {t('consent.participationThreshold')}
          {outcome.participationMet ? t('consent.met') : t('consent.notMet')}，
          {t('consent.approvalThreshold')}
          {outcome.approvalMet ? t('consent.met') : t('consent.notMet')}）
        </p>
      )}
      <h3>{t('consent.ballotsList')}</h3>
      <div className="jw-cert__scroll" role="region" aria-label={t('consent.ballotsList')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('consent.household')}</th>
              <th scope="col">{t('consent.owners')}</th>
              <th scope="col" className="num">
                {t('consent.areaM2')}
              </th>
              <th scope="col">{t('consent.choice')}</th>
              <th scope="col">{t('consent.channel')}</th>
              <th scope="col">{t('consent.castAt')}</th>
            </tr>
          </thead>
          <tbody>
            {d.ballots.map((b) => (
              <tr key={b.household}>
                <td>{b.household}</td>
                <td>{b.owners.join('、')}</td>
                <td className="num">{b.areaM2}</td>
                <td>
                  {b.choice === 'answered'
                    ? t('consent.answeredChoice')
                    : b.choice
                      ? t(`consent.ballot.${b.choice}`)
                      : t('consent.notVoted')}
                </td>
                <td>{b.channel ? t(`consent.channels.${b.channel}`) : ''}</td>
                <td>{date(b.castAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {t('consent.ledgerLine', {
          events: d.ledger.events,
          verdict: d.ledger.ok
            ? t('consent.ledgerVerdictOk')
            : t('consent.ledgerVerdictBad', { seq: d.ledger.firstBad?.seq }),
        })}
      </p>
      <p>
        {t('consent.headHash')}：
        <span className="jw-cert__hash" data-testid="head-hash">
          {d.ledger.headHash}
        </span>
      </p>
      <p className="jw-cert__stamp">
        <span>{t('consent.stamp')}</span>
        <span style={{ display: 'inline-block', width: '12em' }} />
        <span>{t('consent.stampDate')}</span>
      </p>
    </section>
  );
}
