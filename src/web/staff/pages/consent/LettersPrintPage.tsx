import { useParams, useSearchParams } from 'react-router';
import type { Project } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { $api, useErrorText } from '../../data.ts';
import { PrintFrame } from './PrintFrame.tsx';
import { residentUrl, useQrCodes, useResidentBase } from './residentLink.ts';
import type { Consultation, HouseholdCode } from './types.ts';
import { useWords } from './words.ts';

/** One letter per household and page (or one household's, after a reissue): the question, dates, how to vote, the code and its QR code. */
export default function LettersPrintPage() {
  const { id = '' } = useParams();
  const w = useWords();
  const errorText = useErrorText();
  // the QR codes point at the public address owners open; without one, at this browser's address, said before printing
  const { base, configured } = useResidentBase();
  const consultation = $api.useQuery('get', '/api/v1/consultations/{id}', { params: { path: { id } } });
  const codes = $api.useQuery('post', '/api/v1/consultations/{id}/codes/reveal', {
    params: { path: { id } },
  });
  const projectId = consultation.data?.projectId;
  const project = $api.useQuery(
    'get',
    '/api/v1/projects/{id}',
    { params: { path: { id: projectId ?? '' } } },
    { enabled: Boolean(projectId) },
  );
  const c = consultation.data;
  const error = consultation.error ?? codes.error ?? project.error;
  // ?group=<id>: only that household's letter (a reissued code)
  const [search] = useSearchParams();
  const group = search.get('group');
  const items = (codes.data?.items ?? []).filter((h) => !group || h.groupId === group);
  const qr = useQrCodes(items.map((h) => residentUrl(base, h.code)));
  return (
    <PrintFrame
      title={c ? `${c.title} · ${w.lettersCount(items.length)}` : ''}
      back={`/consultations/${id}`}
      loading={!c || !codes.data || !project.data || qr === null}
      error={error ? <p role="alert">{errorText(error)}</p> : null}
      warning={configured ? null : w.noPublicUrl(location.origin)}
    >
      {c &&
        project.data &&
        qr &&
        items.map((h, i) => (
          <Letter
            key={h.groupId}
            consultation={c}
            project={project.data}
            household={h}
            qr={qr[i]!}
            url={residentUrl(base, h.code)}
          />
        ))}
    </PrintFrame>
  );
}

function Letter({
  consultation: c,
  project,
  household: h,
  qr,
  url,
}: {
  consultation: Consultation;
  project: Project;
  household: HouseholdCode;
  qr: string;
  url: string;
}) {
  const w = useWords();
  const { pick } = useLang();
  const owners = h.ownersMasked.length ? `（${h.ownersMasked.join('、')}）` : '';
  return (
    <article className="jw-letter" data-testid="letter">
      <h2>{project.name}</h2>
      <h3>{c.kind === 'vote' ? w.letterTitleVote : w.letterTitleSurvey}</h3>
      <p>{w.letterTo({ label: h.label, owners })}</p>
      <p>{w.matter(c.title)}</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{c.question}</p>
      {c.documentsSummary && <p>{w.readFirst(c.documentsSummary)}</p>}
      <p>{w.period({ from: c.opensOn ?? w.fromNow, to: c.closesOn ?? w.untilNotice })}</p>
      {c.rule && <p>{w.ruleLine(pick(c.rule.name))}</p>}
      <p>{w.how}</p>
      <p className="jw-letter__code">
        {w.code}：{h.code}
      </p>
      <img className="jw-letter__qr" src={qr} alt={w.qrAlt(h.label)} width={180} height={180} />
      <p className="jw-letter__url">{url}</p>
      <p>{w.keepSafe}</p>
    </article>
  );
}
