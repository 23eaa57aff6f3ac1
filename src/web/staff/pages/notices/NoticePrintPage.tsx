import { useParams } from 'react-router';
import { shanghaiDate } from '../../../../core/clock.ts';
import { formatDay } from '../../../shared/format.ts';
import type { Project } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { $api, useErrorText } from '../../data.ts';
import { PrintFrame } from '../consent/PrintFrame.tsx';
import type { NoticeDetail } from './types.ts';
import { useWords } from './words.ts';

/**
 * A notice as it is posted in the stairwell: title, text, its periods in full dates, the
 * provisional mark when an end date awaits a year's holiday arrangement, and where comments and
 * objections go.
 */
export default function NoticePrintPage() {
  const { id = '', noticeId = '' } = useParams();
  const w = useWords();
  const errorText = useErrorText();
  const notice = $api.useQuery('get', '/api/v1/notices/{id}', { params: { path: { id: noticeId } } });
  const project = $api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id } } });
  const error = notice.error ?? project.error;
  return (
    <PrintFrame
      title={notice.data ? w.printTitle(notice.data.title) : ''}
      back={`/projects/${id}/notices`}
      loading={!notice.data || !project.data}
      error={error ? <p role="alert">{errorText(error)}</p> : null}
    >
      {notice.data && project.data && <PrintedNotice n={notice.data} project={project.data} />}
    </PrintFrame>
  );
}

/** A works notice's days, effects and hours, and how to complain (no legal period, no feedback period). */
function PrintedWorks({
  n,
  works,
  committee,
}: {
  n: NoticeDetail;
  works: NonNullable<NoticeDetail['works']>;
  committee: string;
}) {
  const w = useWords();
  const { lang } = useLang();
  const day = (iso: string) => formatDay(iso, lang);
  return (
    <>
      <h3>{w.printWorks}</h3>
      <ul className="jw-notice-print__periods">
        <li>{w.printWorksDays(day(n.startOn), day(n.endsOn))}</li>
        <li>
          {w.worksEffects}：{works.effects.map((e) => w.worksEffectLabels[e]).join('、')}
        </li>
        {works.hoursFrom && works.hoursTo && (
          <li>
            <strong>{w.printWorksHours(works.hoursFrom, works.hoursTo)}</strong>
          </li>
        )}
      </ul>
      <h3>{w.complaints}</h3>
      <p>{w.printComplaintsText(day(n.endsOn), committee)}</p>
    </>
  );
}

function PrintedNotice({ n, project }: { n: NoticeDetail; project: Project }) {
  const w = useWords();
  const { lang } = useLang();
  const day = (iso: string) => formatDay(iso, lang);
  return (
    <article className="jw-cert jw-notice-print" data-testid="printed-notice">
      <p className="jw-notice-print__kind">{w.kinds[n.kind]}</p>
      <h2>{n.title}</h2>
      <p>
        {w.printProject}：{project.name}
      </p>
      {n.body && <p className="jw-notice-print__body">{n.body}</p>}
      {n.works ? (
        <PrintedWorks n={n} works={n.works} committee={project.committeeName} />
      ) : (
        <>
          <h3>{w.printPeriods}</h3>
          <ul className="jw-notice-print__periods">
            <li>{w.printPublicity(day(n.startOn), day(n.publicityEnd))}</li>
            {n.feedbackEnd && <li>{w.printFeedback(day(n.feedbackEnd))}</li>}
            <li>
              <strong>{w.printEnds(day(n.endsOn))}</strong>
              {n.provisional && <strong className="jw-notice-print__mark">（{w.provisional}）</strong>}
            </li>
          </ul>
          {n.provisional && (
            <p className="jw-notice-print__provisional" role="note">
              {w.printProvisional(day(n.endsOn))}
            </p>
          )}
          <p className="jw-notice-print__rule">{n.countStartDay ? w.printCountStart : w.printRule}</p>
          <h3>{w.printObjections}</h3>
          <p>{w.printObjectionsText(day(n.endsOn), project.committeeName)}</p>
        </>
      )}
      {n.postedWhere && <p>{w.printPosted(n.postedWhere)}</p>}
      <p className="jw-cert__stamp">
        {w.printStamp(project.committeeName)}
        <br />
        {w.printDate}
        {n.postedAt ? day(shanghaiDate(new Date(n.postedAt))) : w.printBlankDate}
      </p>
    </article>
  );
}
