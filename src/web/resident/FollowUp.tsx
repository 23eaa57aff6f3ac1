import { useEffect, useState } from 'react';
import { answer, api, errorText, type Answer } from '../shared/api.ts';
import { useFollowUpWords } from './followUpWords.ts';
import { Alert, Button, focusTitle, Title, zhText, type Ui } from './parts.tsx';
import { answersToSend, answerText, SurveyQuestionScreen, SurveyReview } from './Survey.tsx';
import type { Answers } from './types.ts';

type FollowUp = NonNullable<Answer<'/api/v1/r/{code}/follow-up'>['followUp']>;

const readFollowUp = (code: string) =>
  answer(api.GET('/api/v1/r/{code}/follow-up', { params: { path: { code } } })).then((v) => v.followUp);

/** On the household page while the lift's follow-up is open for this household: the way in. */
export function FollowUpLink({ code, onOpen }: { code: string; onOpen: () => void }) {
  const f = useFollowUpWords();
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  useEffect(() => {
    let live = true;
    readFollowUp(code).then(
      (v) => live && setFollowUp(v),
      () => live && setFollowUp(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!followUp) return null;
  return (
    <section className="r-card" aria-labelledby="r-follow-up-link-h">
      <h2 id="r-follow-up-link-h">{f.link}</h2>
      <p>{f.linkIntro}</p>
      <Button kind={followUp.ballot ? 'secondary' : 'primary'} wide onClick={onOpen}>
        {followUp.ballot ? f.linkChange : f.linkStart}
      </Button>
    </section>
  );
}

type Step = 'intro' | number | 'review' | 'done';

/**
 * The follow-up answered with the household's code: its question, one question per screen as in
 * the willingness survey, a review, then the answers as recorded.
 */
export function FollowUpScreen({ code, ui, onBack }: { code: string; ui: Ui; onBack: () => void }) {
  const f = useFollowUpWords();
  const [followUp, setFollowUp] = useState<FollowUp | null | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [step, setStep] = useState<Step>('intro');
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  useEffect(() => {
    readFollowUp(code).then((v) => {
      setFollowUp(v);
      setAnswers(v?.ballot?.answers ?? {});
      if (v?.ballot) setStep('done');
    }, setFailure);
  }, [code]);
  const to = (next: Step) => {
    setStep(next);
    focusTitle();
  };

  if (failure !== null || followUp === null)
    return (
      <>
        <Title>{f.link}</Title>
        <Alert>{failure !== null ? errorText(failure, ui.lang) : f.none}</Alert>
        <Button kind="secondary" wide onClick={onBack}>
          {f.back}
        </Button>
      </>
    );
  if (followUp === undefined)
    return (
      <p role="status" className="r-loading">
        {f.loading}
      </p>
    );
  const questions = followUp.questions;
  const send = async () => {
    setBusy(true);
    setSendError(null);
    try {
      await answer(
        api.POST('/api/v1/r/{code}/follow-up', {
          params: { path: { code } },
          body: { answers: answersToSend(questions, answers) },
        }),
      );
      setFollowUp(await readFollowUp(code));
      to('done');
    } catch (err) {
      setSendError(err);
    } finally {
      setBusy(false);
    }
  };

  if (typeof step === 'number')
    return (
      <SurveyQuestionScreen
        key={step}
        ui={ui}
        questions={questions}
        index={step}
        answers={answers}
        onAnswer={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
        onNext={() => to(step + 1 < questions.length ? step + 1 : 'review')}
        onPrevious={() => to(step === 0 ? 'intro' : step - 1)}
      />
    );
  if (step === 'review')
    return (
      <SurveyReview
        ui={ui}
        questions={questions}
        answers={answers}
        busy={busy}
        error={sendError ? errorText(sendError, ui.lang) : null}
        onEdit={(index) => to(index)}
        onSubmit={() => void send()}
      />
    );
  if (step === 'done' && followUp.ballot) {
    const recorded = followUp.ballot.answers ?? {};
    return (
      <>
        <Title>{f.doneTitle}</Title>
        <p>{f.doneIntro}</p>
        <ol className="r-review">
          {questions.map((q) => (
            <li key={q.id}>
              <p className="r-review-q">{ui.lang === 'zh-CN' ? q.text.zh : q.text.en}</p>
              <p className="r-review-a">{answerText(q, recorded[q.id], ui)}</p>
            </li>
          ))}
        </ol>
        <div className="r-actions r-actions--stack">
          <Button kind="primary" wide onClick={onBack}>
            {f.back}
          </Button>
          <Button kind="secondary" wide onClick={() => to(0)}>
            {f.change}
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <Title>
        <span lang={zhText(ui.lang)}>{followUp.title}</span>
      </Title>
      <p lang={zhText(ui.lang)}>{followUp.question}</p>
      {followUp.closesOn && <p className="r-muted">{f.closesOn(followUp.closesOn)}</p>}
      <div className="r-actions r-actions--stack">
        <Button kind="primary" wide onClick={() => to(0)}>
          {f.start}
        </Button>
        <Button kind="secondary" wide onClick={onBack}>
          {f.back}
        </Button>
      </div>
    </>
  );
}
