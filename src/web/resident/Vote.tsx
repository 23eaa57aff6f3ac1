import type { ReactNode } from 'react';
import { formatDateTime } from '../shared/format.ts';
import {
  Alert,
  Button,
  channelNote,
  Icon,
  Overview,
  ReadAloud,
  ReceiptHead,
  Title,
  zhText,
  type Ui,
} from './parts.tsx';
import type { Spoken } from './speech.ts';
import { CHOICES, type Choice, type ResidentView } from './types.ts';

/** Read aloud: the title and question in Chinese, then the options in the page language. */
function questionParts(view: ResidentView, ui: Ui): Spoken[] {
  const c = view.consultation;
  return [
    { text: `${c.title}。${c.question}`, lang: 'zh-CN' },
    {
      text: ui.w.optionsAre(CHOICES.map((ch) => ui.w.choice[ch]).join(ui.lang === 'zh-CN' ? '、' : ', ')),
      lang: ui.lang,
    },
  ];
}

/** The three big choices; a tap goes to the confirm screen. */
function Choices({
  ui,
  onChoose,
  current,
}: {
  ui: Ui;
  onChoose: (c: Choice) => void;
  current?: Choice | null;
}) {
  return (
    <div className="r-choices">
      {CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          className={`r-btn r-choice r-choice--${c}`}
          onClick={() => onChoose(c)}
          aria-describedby={current === c ? 'r-current-note' : undefined}
        >
          <Icon name={c} className="r-choice-icon" />
          <span>{ui.w.choice[c]}</span>
        </button>
      ))}
    </div>
  );
}

/** The vote's first screen: everything to read, then the choices or the current vote. */
export function VoteHome({
  view,
  ui,
  onChoose,
  onChange,
  onReceipt,
  readFirst,
}: {
  view: ResidentView;
  ui: Ui;
  onChoose: (c: Choice) => void;
  onChange: () => void;
  onReceipt: () => void;
  readFirst: ReactNode;
}) {
  const { w, lang } = ui;
  const b = view.ballot;
  return (
    <>
      <Overview view={view} ui={ui} readFirst={readFirst}>
        <ReadAloud parts={questionParts(view, ui)} ui={ui} />
      </Overview>
      <section className="r-card r-vote" aria-labelledby="r-vote-h">
        {b?.choice ? (
          <>
            <h2 id="r-vote-h">{w.current}</h2>
            <p className="r-current">
              <Icon name={b.choice} className={`r-choice-icon r-choice-icon--${b.choice}`} />
              <strong>{w.choice[b.choice]}</strong>
              <span className="r-current-note">{channelNote(b, w)}</span>
            </p>
            <p className="r-muted">
              {w.castAt}：{formatDateTime(b.castAt, lang)}
            </p>
            <div className="r-actions">
              <Button kind="primary" onClick={onChange}>
                {w.changeVote}
              </Button>
              <Button kind="secondary" onClick={onReceipt}>
                {w.seeReceipt}
              </Button>
            </div>
          </>
        ) : (
          <>
            <h2 id="r-vote-h">{w.chooseTitle}</h2>
            <p className="r-hint">{w.chooseHint}</p>
            <Choices ui={ui} onChoose={onChoose} />
          </>
        )}
      </section>
    </>
  );
}

/** 改票: the current vote and the three choices again. */
export function ChangeVote({
  view,
  ui,
  onChoose,
  onBack,
}: {
  view: ResidentView;
  ui: Ui;
  onChoose: (c: Choice) => void;
  onBack: () => void;
}) {
  const { w, lang } = ui;
  const current = view.ballot?.choice ?? null;
  return (
    <>
      <Title>{w.changeVote}</Title>
      <p className="r-question-text" lang={zhText(lang)}>
        {view.consultation.question}
      </p>
      <ReadAloud parts={questionParts(view, ui)} ui={ui} />
      {current && (
        <p id="r-current-note" className="r-muted">
          {w.previously}
          <strong>{w.choice[current]}</strong>
        </p>
      )}
      <Choices ui={ui} onChoose={onChoose} current={current} />
      <div className="r-actions">
        <Button kind="secondary" onClick={onBack}>
          {w.toOverview}
        </Button>
      </div>
    </>
  );
}

/** "您选择了：同意" with 确认投票: the second tap. */
export function Confirm({
  view,
  ui,
  choice,
  busy,
  error,
  onConfirm,
  onBack,
}: {
  view: ResidentView;
  ui: Ui;
  choice: Choice;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { w } = ui;
  const previous = view.ballot?.choice;
  return (
    <>
      <Title>{w.confirmTitle}</Title>
      <p className={`r-chosen r-chosen--${choice}`}>
        <Icon name={choice} className={`r-choice-icon r-choice-icon--${choice}`} />
        <span>
          {w.youChose}
          <strong>{w.choice[choice]}</strong>
        </span>
      </p>
      {previous && previous !== choice && (
        <p className="r-muted">
          {w.previously}
          {w.choice[previous]}
        </p>
      )}
      <p>{w.confirmHint}</p>
      <ReadAloud
        parts={[{ text: `${w.youChose}${w.choice[choice]}。${w.confirmHint}`, lang: ui.lang }]}
        ui={ui}
      />
      {error && <Alert>{error}</Alert>}
      <div className="r-actions r-actions--stack">
        <Button kind="primary" wide onClick={onConfirm} disabled={busy}>
          {busy ? w.sending : w.confirm}
        </Button>
        <Button kind="secondary" wide onClick={onBack} disabled={busy}>
          {w.back}
        </Button>
      </div>
    </>
  );
}

/** After voting: the choice, the time and the ledger hash. */
export function VoteReceipt({
  view,
  ui,
  changed,
  onChange,
  onHome,
}: {
  view: ResidentView;
  ui: Ui;
  changed: boolean;
  onChange: () => void;
  onHome: () => void;
}) {
  const { w } = ui;
  const b = view.ballot;
  return (
    <>
      <ReceiptHead view={view} ui={ui} title={changed ? w.changedTitle : w.votedTitle} />
      <ReadAloud
        parts={[
          {
            text: `${changed ? w.changedTitle : w.votedTitle}。${b?.choice ? `${w.yourChoice}：${w.choice[b.choice]}。` : ''}${w.canChange}`,
            lang: ui.lang,
          },
        ]}
        ui={ui}
      />
      <div className="r-actions">
        {view.state === 'open' && (
          <Button kind="secondary" onClick={onChange}>
            {w.changeVote}
          </Button>
        )}
        <Button kind="primary" onClick={onHome}>
          {w.home}
        </Button>
      </div>
    </>
  );
}
