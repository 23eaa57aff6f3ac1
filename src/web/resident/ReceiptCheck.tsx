import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { formatReceipt, readReceipt, type ReceiptCheck as Check } from '../../core/consent/receipts.ts';
import { answer, api, errorText } from '../shared/api.ts';
import { formatDateTime, formatDay } from '../shared/format.ts';
import { useLang } from '../shared/words.ts';
import { Alert, Icon, ReceiptNumber, receiptCheckPath, Title, TopBar, zhText, type Ui } from './parts.tsx';
import { useReceiptWords, type ReceiptWords } from './receiptWords.ts';
import type { ReceiptCheckAnswer } from './types.ts';
import { useWords } from './words.ts';

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'found'; answer: ReceiptCheckAnswer }
  | { status: 'failed'; error: unknown };

/** The receipt number in the address (/r/receipt/<number>), as typed into it. */
function receiptFromPath(path: string): string {
  const m = /^\/r\/receipt\/([^/]+)/.exec(path);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** Why a typed receipt number is not one, said before asking the server. */
function problemOf(check: Exclude<Check, { ok: true }>, rw: ReceiptWords) {
  if (check.reason === 'empty') return rw.empty;
  if (check.reason === 'char') return rw.badChar(check.char);
  return rw.length(check.length);
}

/**
 * The public receipt check (/r/receipt, /r/receipt/<number>): anyone holding a receipt number
 * sees what the ballot ledger recorded for it — when, how, which choice, and whether it is still
 * the household's ballot — with nothing of the household. The receipt page links here.
 */
export function ReceiptCheck() {
  const { lang } = useLang();
  const w = useWords();
  const rw = useReceiptWords();
  const ui: Ui = { w, lang };
  const [value, setValue] = useState(() => receiptFromPath(location.pathname));
  const [state, setState] = useState<State>({ status: 'idle' });
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const found = useRef<HTMLHeadingElement>(null);

  const lookup = async (typed: string, moveFocus: boolean) => {
    const check = readReceipt(typed, { whole: true });
    if (!check.ok) {
      setLocalError(problemOf(check, rw));
      if (moveFocus) input.current?.focus();
      return;
    }
    setLocalError(null);
    setState({ status: 'busy' });
    try {
      const a = await answer(
        api.GET('/api/v1/receipts/{receipt}', { params: { path: { receipt: check.hex } } }),
      );
      history.replaceState(null, '', receiptCheckPath(a.receipt));
      setValue(formatReceipt(a.receipt));
      setState({ status: 'found', answer: a });
      if (moveFocus) requestAnimationFrame(() => found.current?.focus());
    } catch (error) {
      setState({ status: 'failed', error });
      if (moveFocus) input.current?.focus();
    }
  };

  // opened from a receipt's link: check the number in the address at once (once, as the page opened)
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const fromAddress = receiptFromPath(location.pathname);
    if (fromAddress) void lookup(fromAddress, false);
  });
  useEffect(() => {
    document.title = `${rw.title} · ${w.site}`;
    document.documentElement.lang = lang;
  }, [lang, rw, w]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void lookup(value, true);
  };

  const error = localError ?? (state.status === 'failed' ? errorText(state.error, lang) : null);
  const busy = state.status === 'busy';
  return (
    <div className="r-app">
      <TopBar />
      <main className="r-main">
        <Title>{rw.title}</Title>
        {state.status === 'found' && <Found a={state.answer} ui={ui} rw={rw} heading={found} />}
        <section aria-labelledby={state.status === 'found' ? 'r-receipt-again-h' : undefined}>
          {state.status === 'found' ? <h2 id="r-receipt-again-h">{rw.another}</h2> : <p>{rw.intro}</p>}
          <form className="r-entry" onSubmit={submit} noValidate>
            <label htmlFor="r-receipt" className="r-field-label">
              {rw.label}
            </label>
            <p id="r-receipt-hint" className="r-hint">
              {rw.hint}
            </p>
            {error && (
              <Alert id="r-receipt-error">
                <span className="jw-visually-hidden">{rw.rejected}：</span>
                {error}
              </Alert>
            )}
            <input
              ref={input}
              id="r-receipt"
              name="receipt"
              className="r-code-input r-receipt-input"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setLocalError(null);
              }}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'r-receipt-hint r-receipt-error' : 'r-receipt-hint'}
            />
            <button type="submit" className="r-btn r-btn--primary r-btn--wide" disabled={busy}>
              {busy ? rw.checking : rw.check}
            </button>
          </form>
        </section>
        <a className="r-btn r-btn--secondary r-btn--wide" href="/r/">
          {rw.toVote}
        </a>
      </main>
      <footer className="r-foot">
        <p>{w.help}</p>
      </footer>
    </div>
  );
}

/** What the ledger recorded for the receipt, and whether it is still the household's ballot. */
function Found({
  a,
  ui,
  rw,
  heading,
}: {
  a: ReceiptCheckAnswer;
  ui: Ui;
  rw: ReceiptWords;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const { w, lang } = ui;
  const c = a.consultation;
  const e = a.entry;
  const closed = c.status === 'closed';
  const standing = [
    rw.standing[a.standing],
    a.later ? rw.later({ at: formatDateTime(a.later.at, lang), channel: rw.channels[a.later.channel] }) : '',
    a.standing === 'current' || a.standing === 'confirmed' ? (closed ? rw.counted : rw.canChange) : '',
  ].filter(Boolean);
  return (
    <section className="r-card r-receipt-found" aria-labelledby="r-found-h">
      <div className="r-success">
        <Icon name="done" className="r-success-icon" />
        <h2 id="r-found-h" ref={heading} tabIndex={-1} className="r-title">
          {rw.found}
        </h2>
      </div>
      <dl className="r-facts">
        <div>
          <dt>{rw.receipt}</dt>
          <dd>
            <ReceiptNumber value={a.receipt} />
          </dd>
        </div>
        <div>
          <dt>{rw.project}</dt>
          <dd lang={zhText(lang)}>{a.project}</dd>
        </div>
        <div>
          <dt>{rw.matter}</dt>
          <dd lang={zhText(lang)}>{c.title}</dd>
        </div>
        <div>
          <dt>{rw.recorded}</dt>
          <dd data-testid="receipt-recorded">
            {rw.kinds[e.kind]}
            {lang === 'zh-CN' ? '：' : ': '}
            {e.choice ? (
              <strong className={`r-choice-name r-choice-name--${e.choice}`}>{w.choice[e.choice]}</strong>
            ) : (
              rw.surveyAnswered
            )}
          </dd>
        </div>
        <div>
          <dt>{rw.time}</dt>
          <dd>{formatDateTime(e.at, lang)}</dd>
        </div>
        <div>
          <dt>{rw.place}</dt>
          <dd>{rw.placeN(e.seq)}</dd>
        </div>
        <div>
          <dt>{rw.status}</dt>
          <dd>
            {closed && c.closedAt
              ? rw.closed(formatDateTime(c.closedAt, lang))
              : rw.open(c.closesOn ? formatDay(c.closesOn, lang) : null)}
          </dd>
        </div>
      </dl>
      <div className="r-notice" data-testid="receipt-standing">
        {standing.map((text) => (
          <p key={text}>{text}</p>
        ))}
        <p>{rw.notYours}</p>
      </div>
    </section>
  );
}
