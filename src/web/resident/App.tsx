import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { answer, api, ApiError, errorText } from '../shared/api.ts';
import { useLang } from '../shared/words.ts';
import { checkCode, codeFromPath } from '../../core/consent/codes.ts';
import { Closed, Revoked } from './Ended.tsx';
import { CostShareLink, CostShareScreen, usePlanKind } from './CostShare.tsx';
import { MaterialScreen, ReadFirst, type Material } from './Materials.tsx';
import { Entry } from './Entry.tsx';
import { FaultsLink, FaultsScreen } from './Faults.tsx';
import { FollowUpLink, FollowUpScreen } from './FollowUp.tsx';
import { NoticesLink, NoticesScreen } from './Notices.tsx';
import { Alert, Button, Title, type Ui, TopBar } from './parts.tsx';
import { answersToSend, SurveyHome, SurveyQuestionScreen, SurveyReceipt, SurveyReview } from './Survey.tsx';
import type { Answers, Choice, ResidentView } from './types.ts';
import { ChangeVote, Confirm, VoteHome, VoteReceipt } from './Vote.tsx';
import { useWords } from './words.ts';

/** The steps of the page; each is a history entry, so the phone's back button goes one step back. */
type Screen =
  | { name: 'home' }
  | { name: 'change' }
  | { name: 'confirm'; choice: Choice }
  | { name: 'receipt'; changed: boolean }
  | { name: 'question'; index: number }
  | { name: 'review' }
  | { name: 'notices' }
  | { name: 'cost' }
  | { name: 'faults' }
  | { name: 'follow_up' }
  | { name: 'material'; material: Material };

interface HistoryState {
  screen: Screen;
  /** steps since the first screen of this code */
  depth: number;
}

type Load =
  | { status: 'entry'; initial: string; error: unknown; busy: boolean; key: number }
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; code: string; view: ResidentView };

const HOME: Screen = { name: 'home' };
const readState = (s: unknown): HistoryState | null =>
  s && typeof s === 'object' && 'screen' in s ? (s as HistoryState) : null;
const fetchView = (code: string) => answer(api.GET('/api/v1/r/{code}', { params: { path: { code } } }));

/** Errors that mean "this code does not open anything": shown on the entry screen. */
const isCodeError = (err: unknown) =>
  err instanceof ApiError && (err.status === 404 || err.status === 429 || err.status === 400);

export function App() {
  const { lang } = useLang();
  const w = useWords();
  const ui: Ui = { w, lang };
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [screen, setScreen] = useState<Screen>(HOME);
  const [answers, setAnswers] = useState<Answers>({});
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const depth = useRef(0);
  const plan = usePlanKind(load.status === 'ready' ? load.code : null);
  /** set by the owner's own steps: the new screen's heading takes focus (not on page load) */
  const moveFocus = useRef(false);
  const entries = useRef(0);
  const current = useRef(load);
  current.current = load;
  const toEntry = useCallback(
    (initial: string) =>
      setLoad({ status: 'entry', initial, error: null, busy: false, key: ++entries.current }),
    [],
  );

  /** Opens a code: from the address bar, after typing it, or again after a change. */
  const open = useCallback(async (code: string, how: 'address' | 'typed') => {
    const key = entries.current;
    moveFocus.current = how === 'typed';
    if (how === 'typed') setLoad({ status: 'entry', initial: code, error: null, busy: true, key });
    else setLoad({ status: 'loading' });
    try {
      const view = await fetchView(code);
      if (how === 'typed')
        history.pushState({ screen: HOME, depth: 0 } satisfies HistoryState, '', `/r/${code}`);
      else history.replaceState({ screen: HOME, depth: 0 } satisfies HistoryState, '', `/r/${code}`);
      depth.current = 0;
      setScreen(HOME);
      setAnswers(view.ballot?.answers ?? {});
      setLoad({ status: 'ready', code, view });
    } catch (err) {
      moveFocus.current = false;
      if (isCodeError(err))
        setLoad({
          status: 'entry',
          initial: code,
          error: err,
          busy: false,
          key: how === 'typed' ? key : ++entries.current,
        });
      else setLoad({ status: 'failed', error: err });
    }
  }, []);

  /** What the address says: the entry, or a code to open (checked locally first). */
  const fromAddress = useCallback(() => {
    const raw = codeFromPath(location.pathname);
    if (!raw) return toEntry('');
    const check = checkCode(raw);
    if (!check.ok) return toEntry(raw);
    void open(check.code, 'address');
  }, [open, toEntry]);

  useEffect(() => {
    fromAddress();
    const onPop = (e: PopStateEvent) => {
      const state = readState(e.state);
      const raw = codeFromPath(location.pathname);
      const check = raw ? checkCode(raw) : null;
      const now = current.current;
      moveFocus.current = true;
      if (state && now.status === 'ready' && check?.ok && check.code === now.code) {
        depth.current = state.depth;
        setScreen(state.screen);
        setSendError(null);
      } else fromAddress();
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [fromAddress]);

  /** A step forward (pushed) or a replacement of this step (the receipt replaces the confirm). */
  const go = (next: Screen, mode: 'push' | 'replace' = 'push') => {
    if (mode === 'push') depth.current += 1;
    moveFocus.current = true;
    const state: HistoryState = { screen: next, depth: depth.current };
    if (mode === 'push') history.pushState(state, '');
    else history.replaceState(state, '');
    setSendError(null);
    setScreen(next);
  };
  /** Back to the first screen of this code, through history so the back button stays true. */
  const home = () => {
    moveFocus.current = true;
    if (depth.current > 0) history.go(-depth.current);
    else setScreen(HOME);
  };

  // each new screen: to the top, focus on its heading, the tab title names it
  const screenKey = `${load.status}:${JSON.stringify(screen)}`;
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [screenKey]);
  useEffect(() => {
    const h1 = document.querySelector('main h1')?.textContent;
    document.title = h1 ? `${h1} · ${w.site}` : w.site;
  });

  /** Sends the vote or the answers, then reads the page again for the recorded ballot. */
  const cast = async (code: string, body: { choice: Choice } | { answers: Answers }) => {
    setBusy(true);
    setSendError(null);
    try {
      const result = await answer(api.POST('/api/v1/r/{code}/ballot', { params: { path: { code } }, body }));
      const view = await fetchView(code).catch(() => null);
      if (view) setLoad({ status: 'ready', code, view });
      go({ name: 'receipt', changed: result.changed }, 'replace');
    } catch (err) {
      // closed or revoked meanwhile: show the page as it now is, with its explanation
      if (err instanceof ApiError && (err.status === 409 || err.status === 410)) {
        const view = await fetchView(code).catch(() => null);
        if (view) {
          setLoad({ status: 'ready', code, view });
          depth.current = 0;
          moveFocus.current = true;
          history.replaceState({ screen: HOME, depth: 0 } satisfies HistoryState, '');
          setScreen(HOME);
          return;
        }
      }
      setSendError(err);
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (load.status === 'loading') {
    body = (
      <p role="status" className="r-loading">
        {w.loading}
      </p>
    );
  } else if (load.status === 'failed') {
    body = (
      <>
        <Title>{w.site}</Title>
        <Alert>{errorText(load.error, lang)}</Alert>
        <Button kind="primary" wide onClick={fromAddress}>
          {w.retry}
        </Button>
      </>
    );
  } else if (load.status === 'entry') {
    body = (
      <Entry
        key={load.key}
        ui={ui}
        initial={load.initial}
        failure={load.error}
        busy={load.busy}
        onSubmit={(code) => void open(code, 'typed')}
      />
    );
  } else {
    const { view, code } = load;
    const questions = view.consultation.questions ?? [];
    const sendFailed = sendError ? errorText(sendError, lang) : null;
    const readFirst = (
      <ReadFirst
        view={view}
        code={code}
        ui={ui}
        plan={plan}
        onOpenImage={(material) => go({ name: 'material', material })}
        onOpenCost={() => go({ name: 'cost' })}
      />
    );
    if (screen.name === 'notices' && view.state !== 'revoked') {
      body = <NoticesScreen code={code} ui={ui} onBack={() => history.back()} />;
    } else if (screen.name === 'faults' && view.state !== 'revoked') {
      body = <FaultsScreen code={code} ui={ui} onBack={() => history.back()} />;
    } else if (screen.name === 'follow_up' && view.state !== 'revoked') {
      body = <FollowUpScreen code={code} ui={ui} onBack={() => history.back()} />;
    } else if (screen.name === 'cost' && view.state !== 'revoked') {
      body = <CostShareScreen code={code} ui={ui} onBack={() => history.back()} />;
    } else if (screen.name === 'material' && view.state !== 'revoked') {
      body = <MaterialScreen code={code} material={screen.material} ui={ui} onBack={() => history.back()} />;
    } else if (view.state === 'revoked') {
      body = (
        <Revoked
          view={view}
          ui={ui}
          onNewCode={() => {
            history.pushState(null, '', '/r/');
            moveFocus.current = true;
            toEntry('');
          }}
        />
      );
    } else if (view.state === 'closed') {
      body = <Closed view={view} ui={ui} />;
    } else if (view.consultation.kind === 'vote') {
      if (screen.name === 'confirm')
        body = (
          <Confirm
            view={view}
            ui={ui}
            choice={screen.choice}
            busy={busy}
            error={sendFailed}
            onConfirm={() => void cast(code, { choice: screen.choice })}
            onBack={() => history.back()}
          />
        );
      else if (screen.name === 'change')
        body = (
          <ChangeVote
            view={view}
            ui={ui}
            onChoose={(choice) => go({ name: 'confirm', choice })}
            onBack={() => history.back()}
          />
        );
      else if (screen.name === 'receipt' && view.ballot)
        body = (
          <VoteReceipt
            view={view}
            ui={ui}
            changed={screen.changed}
            onChange={() => go({ name: 'change' })}
            onHome={home}
          />
        );
      else
        body = (
          <VoteHome
            view={view}
            ui={ui}
            onChoose={(choice) => go({ name: 'confirm', choice })}
            onChange={() => go({ name: 'change' })}
            onReceipt={() => go({ name: 'receipt', changed: false })}
            readFirst={readFirst}
          />
        );
    } else if (screen.name === 'question' && questions[screen.index]) {
      const index = screen.index;
      body = (
        <SurveyQuestionScreen
          key={index}
          ui={ui}
          questions={questions}
          index={index}
          answers={answers}
          onAnswer={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
          onNext={() =>
            go(index + 1 < questions.length ? { name: 'question', index: index + 1 } : { name: 'review' })
          }
          onPrevious={() => history.back()}
        />
      );
    } else if (screen.name === 'review') {
      body = (
        <SurveyReview
          ui={ui}
          questions={questions}
          answers={answers}
          busy={busy}
          error={sendFailed}
          onEdit={(index) => go({ name: 'question', index })}
          onSubmit={() => void cast(code, { answers: answersToSend(questions, answers) })}
        />
      );
    } else if (screen.name === 'receipt' && view.ballot) {
      body = <SurveyReceipt view={view} ui={ui} onHome={home} />;
    } else {
      body = (
        <SurveyHome
          view={view}
          ui={ui}
          onStart={() => go(questions.length ? { name: 'question', index: 0 } : { name: 'review' })}
          readFirst={readFirst}
        />
      );
    }
  }

  return (
    <div className="r-app">
      <TopBar />
      <main className="r-main">
        {body}
        {load.status === 'ready' &&
          load.view.state !== 'revoked' &&
          // on the first screen "read first" already links the plan being voted on
          (screen.name === 'receipt' || (screen.name === 'home' && plan !== 'draft')) && (
            <CostShareLink plan={plan} onOpen={() => go({ name: 'cost' })} />
          )}
        {load.status === 'ready' &&
          load.view.state !== 'revoked' &&
          (screen.name === 'home' || screen.name === 'receipt') && (
            <NoticesLink onOpen={() => go({ name: 'notices' })} />
          )}
        {load.status === 'ready' &&
          load.view.state !== 'revoked' &&
          (screen.name === 'home' || screen.name === 'receipt') && (
            <FaultsLink code={load.code} ui={ui} onOpen={() => go({ name: 'faults' })} />
          )}
        {load.status === 'ready' &&
          load.view.state !== 'revoked' &&
          (screen.name === 'home' || screen.name === 'receipt') && (
            <FollowUpLink code={load.code} onOpen={() => go({ name: 'follow_up' })} />
          )}
      </main>
      <footer className="r-foot">
        <p>{w.help}</p>
      </footer>
    </div>
  );
}
