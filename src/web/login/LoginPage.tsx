import {
  useRef,
  useState,
  type ChangeEvent,
  type ComponentProps,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { SAY } from '../../core/sentences.ts';
import { answer, api, ApiError, errorText } from '../shared/api.ts';
import { switchLang, useLang } from '../shared/words.ts';
import { pageAfterLogin } from './address.ts';
import { Icon } from './icons.tsx';
import { prefetchStaffApp } from './prefetch.ts';
import { useLoginWords } from './words.ts';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

/** What is wrong with a field, kept as its cause (not as text) so a switch of language says it again. */
type Problem = { required: true } | { failure: ApiError };

/** Nothing typed: spaces alone are no username, but they are a password. */
const problemOf = (field: Field, value: string): Problem | undefined =>
  (field === 'username' ? value.trim() : value) === '' ? { required: true } : undefined;

/**
 * Staff login, without antd: a plain form that looks like the staff app (theme.ts's colours). A
 * blank field or what the API refuses shows under the field it names, as a sentence naming the
 * field in the page's language (core/sentences.ts); the first bad field takes the focus. After
 * login the page that was asked for opens, with the staff app.
 */
export function LoginPage({ demo }: { demo: readonly string[] }) {
  const w = useLoginWords();
  const { lang, isEn } = useLang();
  const [values, setValues] = useState<Values>({ username: '', password: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [passwordShown, setPasswordShown] = useState(false);
  const inputs: Record<Field, RefObject<HTMLInputElement | null>> = {
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  const say = (field: Field, problem: Problem) =>
    'required' in problem
      ? (isEn ? SAY.required.en : SAY.required.zh)(w[field])
      : errorText(problem.failure, lang);

  const change = (field: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    prefetchStaffApp();
    setValues((v) => ({ ...v, [field]: value }));
    // a field that was refused is checked again as it changes, so its message goes when it is fixed
    if (problems[field]) setProblems((p) => ({ ...p, [field]: problemOf(field, value) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = {
      username: problemOf('username', values.username),
      password: problemOf('password', values.password),
    };
    setProblems(found);
    setFailure(null);
    const first = FIELDS.find((f) => found[f]);
    if (first) return inputs[first].current?.focus();
    setBusy(true);
    prefetchStaffApp();
    try {
      await answer(
        api.POST('/api/v1/session', {
          body: { username: values.username.trim(), password: values.password },
        }),
      );
      location.replace(pageAfterLogin());
    } catch (err) {
      setBusy(false);
      const field = err instanceof ApiError ? FIELDS.find((f) => f === err.info.field) : undefined;
      if (field && err instanceof ApiError) {
        setProblems({ [field]: { failure: err } });
        inputs[field].current?.focus();
      } else setFailure(err);
    }
  };

  const field = (name: Field, icon: 'user' | 'lock', input: ComponentProps<'input'>, after?: ReactNode) => {
    const problem = problems[name];
    const id = `jw-${name}`;
    return (
      <div className="jw-field">
        <label className="jw-field__label" htmlFor={id}>
          {w[name]}
        </label>
        <div className={problem ? 'jw-input jw-input--invalid' : 'jw-input'}>
          <Icon name={icon} />
          <input
            ref={inputs[name]}
            id={id}
            name={name}
            value={values[name]}
            onChange={change(name)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            {...input}
          />
          {after}
        </div>
        {problem && (
          <div id={`${id}-error`} className="jw-field__error">
            {say(name, problem)}
          </div>
        )}
      </div>
    );
  };

  return (
    <main className="jw-login">
      <div className="jw-login__lang">
        <button
          type="button"
          className="jw-text-button"
          onClick={() => switchLang(isEn ? 'zh-CN' : 'en')}
          lang={w.otherLangCode}
          aria-label={w.switchTo}
          data-testid="language-switch"
        >
          <Icon name="globe" />
          {w.otherLang}
        </button>
      </div>
      <div className="jw-login__card">
        <div className="jw-login__brand" aria-hidden="true">
          江
        </div>
        <h1 className="jw-login__title">{w.name}</h1>
        <p className="jw-login__subtitle">{w.subtitle}</p>
        {demo.length > 0 && (
          <div className="jw-notice jw-notice--warning">
            <Icon name="warning" />
            <div>
              <p className="jw-notice__title">{w.demoTitle}</p>
              <p className="jw-notice__text">{w.demoText}</p>
              <ul className="jw-login__demo" data-testid="demo-accounts">
                {demo.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <form onSubmit={submit} noValidate>
          {field('username', 'user', {
            autoComplete: 'username',
            autoCapitalize: 'none',
            spellCheck: false,
            // the one thing to do on this page
            autoFocus: true,
          })}
          {field(
            'password',
            'lock',
            { type: passwordShown ? 'text' : 'password', autoComplete: 'current-password' },
            <button
              type="button"
              className="jw-input__toggle"
              aria-label={w.showPassword}
              aria-pressed={passwordShown}
              onClick={() => setPasswordShown((shown) => !shown)}
            >
              <Icon name={passwordShown ? 'eye' : 'eyeHidden'} />
            </button>,
          )}
          {failure !== null && (
            <div className="jw-notice jw-notice--error" role="alert">
              <Icon name="error" />
              <p className="jw-notice__title">{errorText(failure, lang)}</p>
            </div>
          )}
          <button type="submit" className="jw-primary-button" aria-disabled={busy || undefined}>
            {w.submit}
          </button>
        </form>
      </div>
    </main>
  );
}
