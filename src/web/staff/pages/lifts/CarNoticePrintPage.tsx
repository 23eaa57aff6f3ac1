import { useParams } from 'react-router';
import { LIFT_EMERGENCY_PHONE } from '../../../../core/faults.ts';
import { $api, useErrorText } from '../../data.ts';
import { PrintFrame } from '../consent/PrintFrame.tsx';
import { useQrCodes, useResidentBase } from '../consent/residentLink.ts';
import { useWords } from './words.ts';
import './lifts.css';

/** The address the car's QR code opens: the public fault report for this lift (resident page). */
export const faultReportUrl = (base: string, publicCode: string) => `${base}/r/lift/${publicCode}`;

/**
 * The notice posted in the lift car (电梯轿厢公示牌): who is responsible for the lift and who
 * maintains it, its registration, until when its inspection is valid, the emergency line, and
 * the QR code to report a fault.
 */
export default function CarNoticePrintPage() {
  const { id = '' } = useParams();
  const w = useWords();
  const errorText = useErrorText();
  const page = $api.useQuery('get', '/api/v1/lifts/{id}', { params: { path: { id } } });
  const { base, configured } = useResidentBase();
  const url = page.data ? faultReportUrl(base, page.data.lift.publicCode) : '';
  const qr = useQrCodes(url ? [url] : []);
  const d = page.data;
  const contract = d?.contracts.find((k) => k.state === 'active' || k.state === 'ending') ?? null;
  return (
    <PrintFrame
      title={d ? w.carNoticeTitle(d.lift.projectName) : ''}
      back={`/lifts/${id}`}
      loading={!d || !qr}
      error={page.error ? <p role="alert">{errorText(page.error)}</p> : null}
      warning={configured ? undefined : w.noPublicUrl}
    >
      {d && qr && (
        <article className="jw-cert jw-car-notice" data-testid="car-notice">
          <h2>{w.carNoticeHeading}</h2>
          <p className="jw-car-notice__project">{d.lift.projectName}</p>
          <dl className="jw-car-notice__facts">
            <dt>{w.registrationCode}</dt>
            <dd>{d.lift.registrationCode ?? '—'}</dd>
            <dt>{w.useRegistrationNo}</dt>
            <dd>{d.lift.useRegistrationNo ?? '—'}</dd>
            <dt>{w.useUnitName}</dt>
            <dd>
              {[d.lift.useUnitName, d.lift.useUnitContact, d.lift.useUnitPhone].filter(Boolean).join(' ') ||
                '—'}
            </dd>
            <dt>{w.company}</dt>
            <dd>{contract ? `${contract.company} ${contract.companyPhone}` : '—'}</dd>
            <dt>{w.inspectionValidUntil}</dt>
            <dd>{d.status.nextInspection?.due ?? '—'}</dd>
          </dl>
          <p className="jw-car-notice__emergency">{w.emergency(LIFT_EMERGENCY_PHONE)}</p>
          <figure className="jw-car-notice__qr">
            <img src={qr[0]} alt={w.qrAlt} width={200} height={200} />
            <figcaption>
              {w.scanToReport}
              <br />
              <span className="jw-car-notice__url">{url}</span>
            </figcaption>
          </figure>
        </article>
      )}
    </PrintFrame>
  );
}
