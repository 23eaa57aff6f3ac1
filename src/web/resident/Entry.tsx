import { useEffect, useLayoutEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { errorText } from '../shared/api.ts';
import { checkCode, codeCharacters, type CodeCheck } from '../../core/consent/codes.ts';
import { caretAfter, groupCode } from './code.ts';
import { Alert, receiptCheckPath, Title, type Ui } from './parts.tsx';
import type { ResidentWords } from './words.ts';

/** The message of a code that fails the local format check. */
export function formatProblem(check: Exclude<CodeCheck, { ok: true }>, w: ResidentWords): string {
  if (check.reason === 'empty') return w.codeEmpty;
  if (check.reason === 'char') return w.codeBadChar(check.char);
  return w.codeLength(check.length);
}

/**
 * The code entry (/r/ without a code, or a code that did not open): one large box that groups
 * what is typed as XXXX-XXXX-XXXX, accepts small letters, spaces, dashes and full-width
 * characters, and checks the format before asking the server.
 */
export function Entry({
  ui,
  initial,
  failure,
  busy,
  onSubmit,
}: {
  ui: Ui;
  initial: string;
  failure: unknown;
  busy: boolean;
  onSubmit: (code: string) => void;
}) {
  const { w } = ui;
  const [value, setValue] = useState(() => groupCode(initial));
  const [localError, setLocalError] = useState<string | null>(() => {
    if (!initial) return null;
    const check = checkCode(initial);
    return check.ok ? null : formatProblem(check, w);
  });
  const [serverShown, setServerShown] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // after every change, even one that regroups to the same text, the caret goes where the typing was
  const [edits, setEdits] = useState(0);
  useLayoutEffect(() => {
    if (caret.current !== null && input.current && document.activeElement === input.current) {
      input.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [edits]);

  // the server said no: back to the box (the busy button had lost the focus), the alert reads out
  useEffect(() => {
    if (failure) input.current?.focus();
  }, [failure]);

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    let raw = e.target.value;
    let at = e.target.selectionStart ?? raw.length;
    if (codeCharacters(raw) === codeCharacters(value)) {
      // only a group dash went: delete the character beside it, as the owner meant
      const kind = (e.nativeEvent as InputEvent).inputType;
      if (kind === 'deleteContentBackward' && at > 0) {
        raw = raw.slice(0, at - 1) + raw.slice(at);
        at -= 1;
      } else if (kind === 'deleteContentForward') raw = raw.slice(0, at) + raw.slice(at + 1);
    }
    const grouped = groupCode(raw);
    caret.current = caretAfter(grouped, codeCharacters(raw.slice(0, at)).length);
    setEdits((n) => n + 1);
    setValue(grouped);
    setLocalError(null);
    setServerShown(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const check = checkCode(value);
    if (!check.ok) {
      setLocalError(formatProblem(check, w));
      input.current?.focus();
      return;
    }
    setLocalError(null);
    setServerShown(true);
    onSubmit(check.code);
  };

  const error = localError ?? (serverShown && failure ? errorText(failure, ui.lang) : null);
  return (
    <>
      <Title>{w.entryTitle}</Title>
      <p>{w.entryIntro}</p>
      <form className="r-entry" onSubmit={submit} noValidate>
        <label htmlFor="r-code" className="r-field-label">
          {w.codeLabel}
        </label>
        <p id="r-code-hint" className="r-hint">
          {w.codeHint}
        </p>
        {error && (
          <Alert id="r-code-error">
            <span className="jw-visually-hidden">{w.codeRejected}：</span>
            {error}
          </Alert>
        )}
        <input
          ref={input}
          id="r-code"
          name="code"
          className="r-code-input"
          value={value}
          onChange={change}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          inputMode="text"
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'r-code-hint r-code-error' : 'r-code-hint'}
        />
        <button type="submit" className="r-btn r-btn--primary r-btn--wide" disabled={busy}>
          {busy ? w.loading : w.enter}
        </button>
      </form>
      <a className="r-btn r-btn--secondary r-btn--wide" href={receiptCheckPath()}>
        {w.checkReceiptLink}
      </a>
    </>
  );
}
