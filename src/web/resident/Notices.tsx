import { useEffect, useId, useState } from 'react';
import { answer, api, errorText, type Answer } from '../shared/api.ts';
import { useNoticeWords } from './noticeWords.ts';
import { Alert, Button, Icon, ReadAloud, Title, zhText, type Ui } from './parts.tsx';
import type { Spoken } from './speech.ts';
import { formatDay } from '../shared/format.ts';
import { OBJECTION_MAX_CHARS } from '../../core/notices.ts';
import { useDraft } from './draft.ts';

/** What `GET /api/v1/r/:code/notices` answers. */
type NoticesView = Answer<'/api/v1/r/{code}/notices'>;
type ResidentNotice = NoticesView['notices'][number];
type MyObjection = NoticesView['objections'][number];
type WorksDetails = NonNullable<ResidentNotice['works']>;

const focusTitle = () => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });

/** The project's notices with a box to object while one is open, and the household's own objections with the answers. */
export function NoticesScreen({ code, ui, onBack }: { code: string; ui: Ui; onBack: () => void }) {
  const n = useNoticeWords();
  const [view, setView] = useState<NoticesView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<{ text: string; complaint: boolean } | null>(null);
  const load = () =>
    answer(api.GET('/api/v1/r/{code}/notices', { params: { path: { code } } })).then(
      (v) => {
        setView(v);
        setFailure(null);
      },
      (err: unknown) => setFailure(err),
    );
  useEffect(() => {
    void load();
  }, [code]);

  if (sent !== null) {
    return (
      <>
        <div className="r-success">
          <Icon name="done" className="r-success-icon" />
          <Title>{sent.complaint ? n.sentComplaintTitle : n.sentTitle}</Title>
        </div>
        <p>{sent.complaint ? n.sentComplaintText : n.sentText}</p>
        <blockquote className="r-quote" lang={zhText(ui.lang)}>
          {sent.text}
        </blockquote>
        <div className="r-actions r-actions--stack">
          <Button
            kind="primary"
            wide
            onClick={() => {
              setSent(null);
              window.scrollTo(0, 0);
              requestAnimationFrame(focusTitle);
            }}
          >
            {n.backToList}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <Title>{n.title}</Title>
      {view && view.notices.length > 0 && <ReadAloud parts={spokenNotices(view.notices, ui, n)} ui={ui} />}
      {view && (
        <p className="r-project">
          <span className="r-label">{ui.w.project}</span>
          <span lang={zhText(ui.lang)}>{view.project}</span>
        </p>
      )}
      {!view && !failure && (
        <p role="status" className="r-loading">
          {n.loading}
        </p>
      )}
      {failure !== null && (
        <>
          <Alert>{errorText(failure, ui.lang)}</Alert>
          <Button kind="primary" wide onClick={() => void load()}>
            {ui.w.retry}
          </Button>
        </>
      )}
      {view && view.notices.length === 0 && <p className="r-notice">{n.none}</p>}
      {view?.notices.map((notice) => (
        <NoticeCard
          key={notice.id}
          notice={notice}
          code={code}
          ui={ui}
          onSent={(text) => {
            setSent({ text, complaint: notice.kind === 'works' });
            void load();
            window.scrollTo(0, 0);
            requestAnimationFrame(focusTitle);
          }}
        />
      ))}
      {view && (
        <MyObjections
          items={view.objections}
          works={new Set(view.notices.filter((x) => x.kind === 'works').map((x) => x.id))}
          ui={ui}
        />
      )}
      <div className="r-actions r-actions--stack">
        <Button kind="secondary" wide onClick={onBack}>
          {n.back}
        </Button>
      </div>
    </>
  );
}

/** Each notice read in turn: its kind and dates in the page's language, its texts in Chinese. */
function spokenNotices(notices: ResidentNotice[], ui: Ui, n: ReturnType<typeof useNoticeWords>): Spoken[] {
  return notices.flatMap((notice) =>
    notice.works
      ? spokenWorks(notice, notice.works, ui, n)
      : [
          { text: `${n.noticeKind[notice.kind] ?? ''}。`, lang: ui.lang },
          { text: `${notice.title}。${notice.body ?? ''}`, lang: 'zh-CN' },
          {
            text: `${n.deadline} ${formatDay(notice.endsOn, ui.lang)}。${notice.provisional ? `${n.provisionalTitle}。${n.provisionalText}` : ''}${notice.acceptingObjections ? n.open : notice.phase === 'upcoming' ? n.upcoming(formatDay(notice.startOn, ui.lang)) : n.ended}`,
            lang: ui.lang,
          },
        ],
  );
}

/** A works notice read aloud: its kind, text, dates, effects and hours (the generic lines are for periods). */
function spokenWorks(
  notice: ResidentNotice,
  works: WorksDetails,
  ui: Ui,
  n: ReturnType<typeof useNoticeWords>,
): Spoken[] {
  return [
    { text: `${n.noticeKind.works}。`, lang: ui.lang },
    { text: `${notice.title}。${notice.body ?? ''}`, lang: 'zh-CN' },
    {
      text: `${n.worksDays} ${formatDay(notice.startOn, ui.lang)}${ui.w.dateTo}${formatDay(notice.endsOn, ui.lang)}。${n.worksEffects}：${works.effects.map((e) => n.effect[e]).join('；')}。${works.hoursFrom && works.hoursTo ? `${n.worksHours} ${n.hoursText(works.hoursFrom, works.hoursTo)}。` : ''}${notice.acceptingObjections ? n.openComplaint : ''}`,
      lang: ui.lang,
    },
  ];
}

function NoticeCard({
  notice,
  code,
  ui,
  onSent,
}: {
  notice: ResidentNotice;
  code: string;
  ui: Ui;
  onSent: (text: string) => void;
}) {
  const n = useNoticeWords();
  const day = (iso: string) => <span className="r-nowrap">{formatDay(iso, ui.lang)}</span>;
  const headingId = `r-notice-${notice.id}`;
  return (
    <section className="r-card r-notice-card" aria-labelledby={headingId}>
      <p className="r-label">{n.noticeKind[notice.kind] ?? notice.kind}</p>
      <h2 id={headingId} lang={zhText(ui.lang)}>
        {notice.title}
      </h2>
      {notice.body && (
        <p className="r-notice-body" lang={zhText(ui.lang)}>
          {notice.body}
        </p>
      )}
      {notice.works ? (
        <WorksFacts notice={notice} works={notice.works} ui={ui} />
      ) : (
        <dl className="r-facts">
          <div>
            <dt>{n.publicity}</dt>
            <dd>
              {day(notice.startOn)}
              {ui.w.dateTo}
              {day(notice.publicityEnd)}
            </dd>
          </div>
          {notice.feedbackEnd && (
            <div>
              <dt>{n.feedback}</dt>
              <dd>
                {ui.w.dateTo.trim()} {day(notice.feedbackEnd)}
              </dd>
            </div>
          )}
          <div>
            <dt>{n.deadline}</dt>
            <dd>
              <strong>{day(notice.endsOn)}</strong>
              {notice.provisional && <span className="r-provisional-mark">（{n.provisional}）</span>}
            </dd>
          </div>
          {notice.postedWhere && (
            <div>
              <dt>{n.postedAt}</dt>
              <dd lang={zhText(ui.lang)}>{notice.postedWhere}</dd>
            </div>
          )}
        </dl>
      )}
      {notice.provisional && (
        <div className="r-notice" role="note" data-testid="provisional">
          <p className="r-notice-title">{n.provisionalTitle}</p>
          <p>{n.provisionalText}</p>
        </div>
      )}
      {notice.acceptingObjections ? (
        <ObjectionForm notice={notice} code={code} ui={ui} onSent={onSent} />
      ) : (
        <div className="r-notice" role="note">
          <p>
            {notice.phase === 'upcoming'
              ? (notice.works ? n.worksUpcoming : n.upcoming)(formatDay(notice.startOn, ui.lang))
              : notice.works
                ? n.worksEnded
                : n.ended}
          </p>
        </div>
      )}
    </section>
  );
}

/** A works notice in plain words: the dates, what it does to the household, the hours, until when to complain. */
function WorksFacts({ notice, works, ui }: { notice: ResidentNotice; works: WorksDetails; ui: Ui }) {
  const n = useNoticeWords();
  const day = (iso: string) => <span className="r-nowrap">{formatDay(iso, ui.lang)}</span>;
  return (
    <dl className="r-facts">
      <div>
        <dt>{n.worksDays}</dt>
        <dd>
          {day(notice.startOn)}
          {ui.w.dateTo}
          {day(notice.endsOn)}
        </dd>
      </div>
      <div>
        <dt>{n.worksEffects}</dt>
        <dd>
          <ul className="r-effects">
            {works.effects.map((e) => (
              <li key={e}>{n.effect[e]}</li>
            ))}
          </ul>
        </dd>
      </div>
      {works.hoursFrom && works.hoursTo && (
        <div>
          <dt>{n.worksHours}</dt>
          <dd>
            <strong>{n.hoursText(works.hoursFrom, works.hoursTo)}</strong>
          </dd>
        </div>
      )}
      <div>
        <dt>{n.complainUntil}</dt>
        <dd>{day(notice.endsOn)}</dd>
      </div>
      {notice.postedWhere && (
        <div>
          <dt>{n.postedAt}</dt>
          <dd lang={zhText(ui.lang)}>{notice.postedWhere}</dd>
        </div>
      )}
    </dl>
  );
}

function ObjectionForm({
  notice,
  code,
  ui,
  onSent,
}: {
  notice: ResidentNotice;
  code: string;
  ui: Ui;
  onSent: (text: string) => void;
}) {
  const n = useNoticeWords();
  const id = useId();
  const [text, setText, clearDraft, restored] = useDraft(`objection:${notice.id}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const full = text.length >= OBJECTION_MAX_CHARS;
  // a works notice takes complaints, said so on every word of the form
  const complaint = notice.kind === 'works';
  const submit = async () => {
    const value = text.trim();
    if (!value) {
      setError(complaint ? n.emptyComplaint : n.empty);
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await answer(
        api.POST('/api/v1/r/{code}/objections', {
          params: { path: { code } },
          body: { noticeId: notice.id, text: value },
        }),
      );
      clearDraft();
      onSent(value);
    } catch (err) {
      setError(errorText(err, ui.lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="r-objection-form">
      <p className="r-open-now">{complaint ? n.openComplaint : n.open}</p>
      <label className="r-field-label" htmlFor={`${id}-text`}>
        {complaint ? n.yourComplaint : n.yourObjection}
      </label>
      <p className="r-hint" id={`${id}-hint`}>
        {complaint ? n.complaintHint : n.objectionHint}
      </p>
      {error && <Alert id={`${id}-error`}>{error}</Alert>}
      {restored && <p className="r-notice">{n.draftKept}</p>}
      <textarea
        id={`${id}-text`}
        className="r-textarea"
        rows={6}
        maxLength={OBJECTION_MAX_CHARS}
        value={text}
        aria-describedby={`${id}-hint ${id}-count${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-count`} className={full ? 'r-count r-count--full' : 'r-count'}>
        {n.count(text.length, OBJECTION_MAX_CHARS)}
      </p>
      {/* a live region that is empty until the limit: said once then, not at every keystroke */}
      <p className="r-count-full" role="status">
        {full ? n.atLimit(OBJECTION_MAX_CHARS) : ''}
      </p>
      <div className="r-actions r-actions--stack">
        <Button kind="primary" wide onClick={() => void submit()} disabled={busy}>
          {busy ? n.sending : complaint ? n.submitComplaint : n.submit}
        </Button>
      </div>
    </div>
  );
}

/** The household's objections and complaints (those to a works notice, of the ids in `works`), with the answers. */
function MyObjections({ items, works, ui }: { items: MyObjection[]; works: Set<string>; ui: Ui }) {
  const n = useNoticeWords();
  return (
    <section className="r-card" aria-labelledby="r-mine-h">
      <h2 id="r-mine-h">{n.mine}</h2>
      {items.length === 0 ? (
        <p>{n.noneMine}</p>
      ) : (
        <ul className="r-mine">
          {items.map((o) => (
            <li key={o.id} className="r-mine-item">
              {works.has(o.noticeId) && <p className="r-label">{n.complaintLabel}</p>}
              <p className="r-muted">
                {n.on} {formatDay(o.receivedOn, ui.lang)} · {n.about}{' '}
                <span lang={zhText(ui.lang)}>{o.noticeTitle}</span>
              </p>
              <p className="r-mine-text" lang={zhText(ui.lang)}>
                {o.text}
              </p>
              <p>
                <strong className={`r-status r-status--${o.status}`}>{n.status[o.status]}</strong>
              </p>
              {o.answer ? (
                <div className="r-answer">
                  <p className="r-label">{n.answer}</p>
                  <p lang={zhText(ui.lang)}>{o.answer}</p>
                </div>
              ) : (
                <p className="r-muted">{n.waiting}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** On the household's first screen: the way to the notices and objections. */
export function NoticesLink({ onOpen }: { onOpen: () => void }) {
  const n = useNoticeWords();
  return (
    <section className="r-card r-notices-link" aria-labelledby="r-notices-link-h">
      <h2 id="r-notices-link-h">{n.title}</h2>
      <p>{n.linkIntro}</p>
      <Button kind="secondary" wide onClick={onOpen}>
        {n.link}
      </Button>
    </section>
  );
}
