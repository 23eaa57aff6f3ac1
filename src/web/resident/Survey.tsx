import type { ReactNode } from 'react';
import { formatDateTime } from '../shared/format.ts';
import { Alert, Button, Overview, ReadAloud, ReceiptHead, Title, type Ui } from './parts.tsx';
import type { Answers, ResidentView, SurveyQuestion } from './types.ts';

const text = (t: { zh: string; en: string }, ui: Ui) => (ui.lang === 'zh-CN' ? t.zh : t.en);

/** An answer in words: the option names, the free text, or "(not answered)". */
export function answerText(q: SurveyQuestion, value: string | string[] | undefined, ui: Ui): string {
  const sep = ui.lang === 'zh-CN' ? '、' : ', ';
  const names = (ids: string[]) =>
    ids
      .map((id) => q.options?.find((o) => o.id === id))
      .filter((o) => o !== undefined)
      .map((o) => text(o, ui));
  if (value === undefined) return ui.w.noAnswer;
  if (Array.isArray(value)) return value.length ? names(value).join(sep) : ui.w.noAnswer;
  if (q.kind === 'text') return value.trim() || ui.w.noAnswer;
  return names([value]).join(sep) || ui.w.noAnswer;
}

/** The answers worth sending: unanswered and empty ones are left out. */
export function answersToSend(questions: SurveyQuestion[], answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    if (Array.isArray(v) ? v.length === 0 : v.trim() === '') continue;
    out[q.id] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export function SurveyHome({
  view,
  ui,
  onStart,
  readFirst,
}: {
  view: ResidentView;
  ui: Ui;
  onStart: () => void;
  readFirst: ReactNode;
}) {
  const { w, lang } = ui;
  const questions = view.consultation.questions ?? [];
  const b = view.ballot;
  return (
    <>
      <Overview view={view} ui={ui} readFirst={readFirst}>
        <ReadAloud
          parts={[{ text: `${view.consultation.title}。${view.consultation.question}`, lang: 'zh-CN' }]}
          ui={ui}
        />
      </Overview>
      <section className="r-card r-vote" aria-labelledby="r-survey-h">
        {b ? (
          <>
            <h2 id="r-survey-h">{w.answered}</h2>
            <p className="r-muted">
              {w.answeredAt}：{formatDateTime(b.castAt, lang)}
            </p>
            <Button kind="primary" wide onClick={onStart}>
              {w.changeAnswers}
            </Button>
          </>
        ) : (
          <>
            <h2 id="r-survey-h" className="jw-visually-hidden">
              {w.chooseTitle}
            </h2>
            <Button kind="primary" wide onClick={onStart}>
              {w.startSurvey(questions.length)}
            </Button>
          </>
        )}
      </section>
    </>
  );
}

/** One question per screen: big radio or check tiles, or an optional text box. */
export function SurveyQuestionScreen({
  ui,
  questions,
  index,
  answers,
  onAnswer,
  onNext,
  onPrevious,
}: {
  ui: Ui;
  questions: SurveyQuestion[];
  index: number;
  answers: Answers;
  onAnswer: (id: string, value: string | string[]) => void;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const { w } = ui;
  const q = questions[index]!;
  const value = answers[q.id];
  const last = index === questions.length - 1;
  const sep = ui.lang === 'zh-CN' ? '、' : ', ';
  const hint = q.kind === 'single' ? w.chooseOne : q.kind === 'multi' ? w.chooseAny : w.optional;
  const spoken = [
    {
      text: `${text(q.text, ui)}。${q.options ? `${hint}：${q.options.map((o) => text(o, ui)).join(sep)}。` : hint}`,
      lang: ui.lang,
    },
  ];
  const hintId = `r-hint-${q.id}`;
  return (
    <>
      <p className="r-step">{w.questionOf(index + 1, questions.length)}</p>
      {q.kind === 'text' ? (
        <div className="r-field">
          <Title>
            <label htmlFor={`r-q-${q.id}`}>{text(q.text, ui)}</label>
          </Title>
          <p id={hintId} className="r-hint">
            {hint}
          </p>
          <ReadAloud parts={spoken} ui={ui} />
          <textarea
            id={`r-q-${q.id}`}
            className="r-textarea"
            rows={5}
            maxLength={1000}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onAnswer(q.id, e.target.value)}
            aria-describedby={hintId}
          />
        </div>
      ) : (
        <fieldset className="r-fieldset" aria-describedby={hintId}>
          <legend>
            <Title>{text(q.text, ui)}</Title>
          </legend>
          <p id={hintId} className="r-hint">
            {hint}
          </p>
          <ReadAloud parts={spoken} ui={ui} />
          <div className="r-options">
            {(q.options ?? []).map((o) => {
              const checked =
                q.kind === 'single' ? value === o.id : Array.isArray(value) && value.includes(o.id);
              const toggle = () => {
                if (q.kind === 'single') return onAnswer(q.id, o.id);
                const list = Array.isArray(value) ? value : [];
                onAnswer(q.id, checked ? list.filter((v) => v !== o.id) : [...list, o.id]);
              };
              return (
                <label key={o.id} className={checked ? 'r-option r-option--checked' : 'r-option'}>
                  <input
                    type={q.kind === 'single' ? 'radio' : 'checkbox'}
                    name={`r-q-${q.id}`}
                    value={o.id}
                    checked={checked}
                    onChange={toggle}
                  />
                  <span>{text(o, ui)}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      <div className="r-actions r-actions--stack">
        <Button kind="primary" wide onClick={onNext}>
          {last ? w.toReview : w.next}
        </Button>
        <Button kind="secondary" wide onClick={onPrevious}>
          {index === 0 ? w.toOverview : w.previous}
        </Button>
      </div>
    </>
  );
}

/** Every answer once more, each with a way back to its question, then 提交. */
export function SurveyReview({
  ui,
  questions,
  answers,
  busy,
  error,
  onEdit,
  onSubmit,
}: {
  ui: Ui;
  questions: SurveyQuestion[];
  answers: Answers;
  busy: boolean;
  error: string | null;
  onEdit: (index: number) => void;
  onSubmit: () => void;
}) {
  const { w } = ui;
  return (
    <>
      <Title>{w.reviewTitle}</Title>
      <ol className="r-review">
        {questions.map((q, i) => (
          <li key={q.id}>
            <p className="r-review-q">{text(q.text, ui)}</p>
            <p className="r-review-a">{answerText(q, answers[q.id], ui)}</p>
            <Button kind="secondary" small onClick={() => onEdit(i)} label={w.editQuestion(i + 1)}>
              {w.edit}
            </Button>
          </li>
        ))}
      </ol>
      {error && <Alert>{error}</Alert>}
      <div className="r-actions r-actions--stack">
        <Button kind="primary" wide onClick={onSubmit} disabled={busy}>
          {busy ? w.sending : w.submit}
        </Button>
      </div>
    </>
  );
}

export function SurveyReceipt({ view, ui, onHome }: { view: ResidentView; ui: Ui; onHome: () => void }) {
  const { w } = ui;
  const questions = view.consultation.questions ?? [];
  const answers = view.ballot?.answers ?? {};
  return (
    <>
      <ReceiptHead view={view} ui={ui} title={w.surveyDoneTitle} />
      <ol className="r-review">
        {questions.map((q) => (
          <li key={q.id}>
            <p className="r-review-q">{text(q.text, ui)}</p>
            <p className="r-review-a">{answerText(q, answers[q.id], ui)}</p>
          </li>
        ))}
      </ol>
      <div className="r-actions">
        <Button kind="primary" wide onClick={onHome}>
          {w.home}
        </Button>
      </div>
    </>
  );
}
