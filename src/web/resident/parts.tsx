import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatReceipt, receiptOf } from '../../core/consent/receipts.ts';
import { formatDateTime, formatDay } from '../shared/format.ts';
import type { Lang } from '../shared/lang.ts';
import { canSpeak, speak, stopSpeaking, type Spoken } from './speech.ts';
import type { Choice, ResidentView } from './types.ts';
import { switchLang, useLang } from '../shared/words.ts';
import { useWords, type ResidentWords } from './words.ts';

/** What every screen gets: the words and language of the page. */
export interface Ui {
  w: ResidentWords;
  lang: Lang;
}

/** Marks project texts (always Chinese) when the page is in English, so screen readers switch voice. */
export const zhText = (lang: Lang) => (lang === 'zh-CN' ? undefined : 'zh-CN');

/** The screen's one heading; it takes focus when the screen changes so screen readers announce it. */
export function Title({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <h1 tabIndex={-1} className={className ? `r-title ${className}` : 'r-title'}>
      {children}
    </h1>
  );
}

const ICON_PATHS: Record<Choice | 'speaker' | 'stop' | 'done', ReactNode> = {
  agree: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  disagree: <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />,
  abstain: <path d="M6 12h12" />,
  speaker: (
    <>
      <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" />
      <path d="M15.5 9a4 4 0 010 6M18 6.5a7.5 7.5 0 010 11" />
    </>
  ),
  stop: <path d="M7 7h10v10H7z" />,
  done: <path d="M5 12.5l4.5 4.5L19 7.5" />,
};

export function Icon({ name, className }: { name: keyof typeof ICON_PATHS; className?: string }) {
  return (
    <svg
      className={className ? `r-icon ${className}` : 'r-icon'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {ICON_PATHS[name]}
    </svg>
  );
}

/** A button that reads the screen aloud with the browser's speech synthesis (zh-CN voice when present). */
export function ReadAloud({ parts, ui }: { parts: Spoken[]; ui: Ui }) {
  const [speaking, setSpeaking] = useState(false);
  // the language this device has no voice for, said under the button rather than nothing happening
  const [missing, setMissing] = useState<Lang | null>(null);
  const noteId = useId();
  useEffect(() => () => stopSpeaking(), []);
  if (!canSpeak()) return null;
  const toggle = () => {
    if (speaking) {
      stopSpeaking();
      setSpeaking(false);
      return;
    }
    setSpeaking(true);
    setMissing(null);
    void speak(parts, () => setSpeaking(false)).then((r) => setMissing(r.missing));
  };
  return (
    <>
      <button
        type="button"
        className="r-btn r-btn--read"
        aria-label={speaking ? ui.w.stopReading : ui.w.readAloudLabel}
        aria-describedby={missing ? noteId : undefined}
        onClick={toggle}
      >
        <Icon name={speaking ? 'stop' : 'speaker'} />
        {speaking ? ui.w.stopReading : ui.w.readAloud}
      </button>
      {/* a live region present before it speaks, so screen readers announce what fills it */}
      <div role="status" id={noteId} className={missing ? 'r-note' : undefined}>
        {missing && ui.w.noVoice(missing)}
      </div>
    </>
  );
}

/** "2026年5月1日 至 2026年5月15日", each date kept on one line (no "日" alone on the next). */
export function period(view: ResidentView, ui: Ui) {
  const c = view.consultation;
  const from = c.opensOn ? formatDay(c.opensOn, ui.lang) : ui.w.fromNow;
  const to = c.closesOn ? formatDay(c.closesOn, ui.lang) : ui.w.untilNotice;
  return (
    <>
      <span className="r-nowrap">{from}</span>
      {ui.w.dateTo}
      <span className="r-nowrap">{to}</span>
    </>
  );
}

/** The project, the question, the dates, the documents summary and the household, in that order. */
export function Overview({
  view,
  ui,
  children,
  readFirst,
}: {
  view: ResidentView;
  ui: Ui;
  children?: ReactNode;
  /** the documents to read and what the household would pay; by default the summary alone */
  readFirst?: ReactNode;
}) {
  const { w, lang } = ui;
  const c = view.consultation;
  const vote = c.kind === 'vote';
  return (
    <>
      <p className="r-project">
        <span className="r-label">{w.project}</span>
        <span lang={zhText(lang)}>{view.project}</span>
      </p>
      <Title>
        <span lang={zhText(lang)}>{c.title}</span>
      </Title>
      <section className="r-card r-question" aria-labelledby="r-question-h">
        <h2 id="r-question-h">{vote ? w.question : w.surveyQuestion}</h2>
        <p className="r-question-text" lang={zhText(lang)}>
          {c.question}
        </p>
        {children}
      </section>
      <dl className="r-facts">
        <div>
          <dt>{vote ? w.dates : w.surveyDates}</dt>
          <dd>
            {period(view, ui)}
            {view.state === 'open' && (
              <span className="r-note">{vote ? w.canChange : w.canChangeSurvey}</span>
            )}
          </dd>
        </div>
        {c.ruleName && (
          <div>
            <dt>{w.rule}</dt>
            <dd>{lang === 'zh-CN' ? c.ruleName.zh : c.ruleName.en}</dd>
          </div>
        )}
      </dl>
      {readFirst ??
        (c.documentsSummary && (
          <section className="r-card r-docs" aria-labelledby="r-docs-h">
            <h2 id="r-docs-h">{w.documents}</h2>
            <p lang={zhText(lang)}>{c.documentsSummary}</p>
          </section>
        ))}
      {view.household && (
        <dl className="r-facts r-household">
          <div>
            <dt>{w.household}</dt>
            <dd>
              <span lang={zhText(lang)}>{view.household.label}</span>
              <span className="r-sep" aria-hidden="true">
                {' · '}
              </span>
              {w.area(view.household.areaM2)}
            </dd>
          </div>
        </dl>
      )}
    </>
  );
}

/** The receipt number (core/consent/receipts.ts) in groups of four, to read out or compare by eye. */
export function ReceiptNumber({ value }: { value: string }) {
  return <code className="r-hash">{formatReceipt(value)}</code>;
}

/** Where anyone holding a receipt number sees what the ledger recorded for it. */
export const receiptCheckPath = (receipt?: string) => `/r/receipt${receipt ? `/${receiptOf(receipt)}` : ''}`;

/** 核对回执: the public check of this receipt, what the ledger recorded for it. */
export function ReceiptCheckLink({ receipt, ui }: { receipt: string; ui: Ui }) {
  return (
    <a className="r-btn r-btn--secondary r-btn--wide" href={receiptCheckPath(receipt)}>
      {ui.w.checkReceipt}
    </a>
  );
}

/** How a ballot was cast, when it was not online. */
export function channelNote(ballot: NonNullable<ResidentView['ballot']>, w: ResidentWords) {
  if (!ballot.confirmed) return w.pendingBallot;
  return ballot.channel === 'online' ? '' : w.paperBallot;
}

/** The recorded ballot: choice (votes), time and receipt. */
export function BallotFacts({ view, ui }: { view: ResidentView; ui: Ui }) {
  const { w, lang } = ui;
  const b = view.ballot;
  if (!b) return null;
  const vote = view.consultation.kind === 'vote';
  return (
    <dl className="r-facts r-ballot">
      {vote && b.choice && (
        <div>
          <dt>{w.yourChoice}</dt>
          <dd>
            <strong className={`r-choice-name r-choice-name--${b.choice}`}>{w.choice[b.choice]}</strong>
            {channelNote(b, w)}
          </dd>
        </div>
      )}
      <div>
        <dt>{vote ? w.castAt : w.answeredAt}</dt>
        <dd>{formatDateTime(b.castAt, lang)}</dd>
      </div>
      <div>
        <dt>{w.receipt}</dt>
        <dd>
          <ReceiptNumber value={b.receipt} />
        </dd>
      </div>
    </dl>
  );
}

/** The page's buttons: primary (the step forward) or secondary, full width when `wide`. */
export function Button({
  kind,
  wide,
  small,
  onClick,
  disabled,
  label,
  children,
}: {
  kind: 'primary' | 'secondary';
  wide?: boolean;
  small?: boolean;
  onClick: () => void;
  disabled?: boolean;
  label?: string;
  children: ReactNode;
}) {
  const className = ['r-btn', `r-btn--${kind}`, wide && 'r-btn--wide', small && 'r-btn--small']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={className} onClick={onClick} disabled={disabled} aria-label={label}>
      {children}
    </button>
  );
}

/** The top of a receipt: the tick and heading, what was asked, the ballot's facts and the ledger hint. */
export function ReceiptHead({ view, ui, title }: { view: ResidentView; ui: Ui; title: string }) {
  return (
    <>
      <div className="r-success">
        <Icon name="done" className="r-success-icon" />
        <Title>{title}</Title>
      </div>
      <p lang={zhText(ui.lang)} className="r-muted">
        {view.consultation.title}
      </p>
      <BallotFacts view={view} ui={ui} />
      <p className="r-hint">{ui.w.receiptHint}</p>
      {view.ballot && <ReceiptCheckLink receipt={view.ballot.receipt} ui={ui} />}
    </>
  );
}

/** A message the page must say plainly (wrong code, closed, failed to send). */
export function Alert({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div className="r-alert" role="alert" id={id}>
      {children}
    </div>
  );
}

/** The top bar of every resident page: the site's name and the switch to the other language. */
export function TopBar() {
  const { lang } = useLang();
  const w = useWords();
  return (
    <header className="r-top">
      <span className="r-brand">{w.site}</span>
      <button
        type="button"
        className="r-btn r-btn--lang"
        lang={w.otherLangCode}
        onClick={() => switchLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        aria-label={w.switchTo}
      >
        {w.otherLang}
      </button>
    </header>
  );
}

/** Moves focus to the screen's title once it is drawn (a screen changed without a page load). */
export const focusTitle = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));
