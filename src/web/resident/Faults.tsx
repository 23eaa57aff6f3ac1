import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FAULT_STEPS, LIFT_EMERGENCY_PHONE, normaliseFaultRef, type FaultKind } from '../../core/faults.ts';
import { answer, api, errorText, type Answer, type Body } from '../shared/api.ts';
import { formatDateTime, formatDay } from '../shared/format.ts';
import { useLang } from '../shared/words.ts';
import { useFaultWords, type FaultWords } from './faultWords.ts';
import { Alert, Button, Icon, ReadAloud, Title, TopBar, zhText, type Ui } from './parts.tsx';
import { useWords } from './words.ts';
import './faults.css';

type FaultStatus = Answer<'/api/v1/lift-codes/{liftCode}/faults/{ref}'>;
type HouseholdFaults = Answer<'/api/v1/r/{code}/faults'>;
type ReportBody = Body<'/api/v1/r/{code}/faults'>;

const focusTitle = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));

/** What to do while someone is trapped: shown first and large, read aloud on request. */
function EmergencyAdvice({ ui }: { ui: Ui }) {
  const f = useFaultWords();
  return (
    <section className="r-emergency" aria-labelledby="r-emergency-h" data-testid="emergency">
      <h2 id="r-emergency-h">{f.emergencyTitle}</h2>
      <ReadAloud parts={[{ text: `${f.emergencyTitle}。${f.emergency.join('')}`, lang: ui.lang }]} ui={ui} />
      <ol>
        {f.emergency.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <a className="r-btn r-btn--primary r-btn--wide r-emergency-call" href={`tel:${LIFT_EMERGENCY_PHONE}`}>
        {f.call(LIFT_EMERGENCY_PHONE)}
      </a>
    </section>
  );
}

/**
 * The two steps of a report: what happened (someone trapped, or a fault), then a few words and an
 * optional phone. `send` posts it (household page or the car's QR code).
 */
function ReportForm({
  ui,
  send,
  onSent,
}: {
  ui: Ui;
  send: (body: ReportBody) => Promise<FaultStatus>;
  onSent: (status: FaultStatus) => void;
}) {
  const f = useFaultWords();
  const id = useId();
  const [kind, setKind] = useState<FaultKind | null>(null);
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!kind)
    return (
      <section className="r-fault-section" aria-labelledby={`${id}-kind`}>
        <h2 id={`${id}-kind`}>{f.chooseKind}</h2>
        <div className="r-actions r-actions--stack">
          {(['entrapment', 'fault'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={`r-btn r-btn--wide r-fault-kind r-fault-kind--${k}`}
              onClick={() => {
                setKind(k);
                focusTitle();
              }}
            >
              <strong>{f.kinds[k]}</strong>
              <span>{f.kindHints[k]}</span>
            </button>
          ))}
        </div>
      </section>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const status = await send({
        kind,
        description: description.trim(),
        ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
      });
      onSent(status);
    } catch (err) {
      setError(errorText(err, ui.lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {kind === 'entrapment' && <EmergencyAdvice ui={ui} />}
      <form className="r-card r-fault-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{f.kinds[kind]}</h2>
        {error && <Alert id={`${id}-error`}>{error}</Alert>}
        <label className="r-field-label" htmlFor={`${id}-text`}>
          {f.describe}
        </label>
        <p className="r-hint" id={`${id}-text-hint`}>
          {f.describeHint}
        </p>
        <textarea
          id={`${id}-text`}
          className="r-textarea"
          rows={3}
          maxLength={500}
          value={description}
          aria-describedby={`${id}-text-hint`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label className="r-field-label" htmlFor={`${id}-phone`}>
          {f.phone}
        </label>
        <p className="r-hint" id={`${id}-phone-hint`}>
          {f.phoneHint}
        </p>
        <input
          id={`${id}-phone`}
          className="r-code-input r-fault-phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          aria-describedby={`${id}-phone-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => setPhone(e.target.value)}
        />
        <div className="r-actions r-actions--stack">
          <button type="submit" className="r-btn r-btn--primary r-btn--wide" disabled={busy}>
            {busy ? f.sending : f.submit}
          </button>
          <Button kind="secondary" wide onClick={() => setKind(null)}>
            {f.changeKind}
          </Button>
        </div>
      </form>
    </>
  );
}

/** A report's steps: each reached one with its time, the rest "not yet". No one's name or phone. */
function StatusCard({ status, ui, mine }: { status: FaultStatus; ui: Ui; mine?: boolean }) {
  const f = useFaultWords();
  const at = new Map(status.timeline.map((s) => [s.step, s.at]));
  const headingId = `r-fault-${status.ref}`;
  return (
    <section className="r-card r-fault-status" aria-labelledby={headingId} data-testid="fault-status">
      <p className="r-label">{f.ref}</p>
      <h2 id={headingId} className="r-fault-ref">
        {status.ref}
      </h2>
      <p>
        <strong>{f.kinds[status.kind]}</strong> · <span lang={zhText(ui.lang)}>{status.liftName}</span>
        {mine && <span className="r-fault-mine"> · {f.fromMine}</span>}
      </p>
      <h3 className="r-fault-steps-h">{f.status}</h3>
      <ol className="r-fault-steps">
        {FAULT_STEPS.map((s) => {
          const when = at.get(s);
          return (
            <li key={s} className={when ? 'r-fault-step r-fault-step--done' : 'r-fault-step'}>
              {when ? (
                <Icon name="done" className="r-fault-tick" />
              ) : (
                <span className="r-fault-dot" aria-hidden />
              )}
              <span>
                <strong>{f.steps[s]}</strong>
                <br />
                <span className="r-muted">{when ? formatDateTime(String(when), ui.lang) : f.notYet}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {status.resolution && (
        <div className="r-answer">
          <p className="r-label">{f.resolution}</p>
          <p lang={zhText(ui.lang)}>{status.resolution}</p>
        </div>
      )}
    </section>
  );
}

/** After sending: the report number to keep, and its status. */
function Sent({
  status,
  ui,
  onAgain,
  onBack,
}: {
  status: FaultStatus;
  ui: Ui;
  onAgain: () => void;
  onBack?: () => void;
}) {
  const f = useFaultWords();
  return (
    <>
      <div className="r-success">
        <Icon name="done" className="r-success-icon" />
        <Title>{f.sentTitle}</Title>
      </div>
      <p>{f.refHint}</p>
      {status.kind === 'entrapment' && <EmergencyAdvice ui={ui} />}
      <StatusCard status={status} ui={ui} />
      <div className="r-actions r-actions--stack">
        <Button kind="secondary" wide onClick={onAgain}>
          {f.another}
        </Button>
        {onBack && (
          <Button kind="secondary" wide onClick={onBack}>
            {f.back}
          </Button>
        )}
      </div>
    </>
  );
}

/** The household's screen: its reports (and the lift's open ones) with their status, and a new report. */
export function FaultsScreen({ code, ui, onBack }: { code: string; ui: Ui; onBack: () => void }) {
  const f = useFaultWords();
  const [view, setView] = useState<HouseholdFaults | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<FaultStatus | null>(null);
  const [formKey, setFormKey] = useState(0);
  const load = () =>
    answer(api.GET('/api/v1/r/{code}/faults', { params: { path: { code } } })).then(
      (v) => {
        setView(v);
        setFailure(null);
      },
      (err: unknown) => setFailure(err),
    );
  useEffect(() => {
    void load();
  }, [code]);

  if (sent)
    return (
      <Sent
        status={sent}
        ui={ui}
        onAgain={() => {
          setSent(null);
          setFormKey((k) => k + 1);
          focusTitle();
        }}
        onBack={onBack}
      />
    );
  return (
    <>
      <Title>{f.title}</Title>
      {view?.lift && (
        <p className="r-project">
          <span className="r-label">{f.lift}</span>
          <span lang={zhText(ui.lang)}>{view.lift.liftName}</span>
        </p>
      )}
      {!view && !failure && (
        <p role="status" className="r-loading">
          {f.loading}
        </p>
      )}
      {failure !== null && <Alert>{errorText(failure, ui.lang)}</Alert>}
      {view?.lift && (
        <ReportForm
          key={formKey}
          ui={ui}
          send={(body) => answer(api.POST('/api/v1/r/{code}/faults', { params: { path: { code } }, body }))}
          onSent={(status) => {
            setSent(status);
            void load();
            window.scrollTo(0, 0);
            focusTitle();
          }}
        />
      )}
      {view?.lift && (
        <section className="r-fault-section" aria-labelledby="r-faults-mine-h">
          <h2 id="r-faults-mine-h">{f.mine}</h2>
          {view.reports.length === 0 && <p>{f.noneMine}</p>}
          {view.reports.map((r) => (
            <StatusCard key={r.ref} status={r} ui={ui} mine={r.mine} />
          ))}
        </section>
      )}
      <div className="r-actions r-actions--stack">
        <Button kind="secondary" wide onClick={onBack}>
          {f.back}
        </Button>
      </div>
    </>
  );
}

type Upkeep = HouseholdFaults['lift'] extends infer L ? (L extends { upkeep: infer U } ? U : never) : never;

/** A phone number as a link a finger can hit: dialled on a phone, read on a screen. */
const Phone = ({ phone }: { phone: string }) => (
  <a className="r-phone" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
    {phone}
  </a>
);

/**
 * The lift's upkeep as the owners see it (issue 12 item 5): who maintains it and their number,
 * when it was last maintained and inspected, until when the inspection holds, who is responsible
 * for it, and the emergency line.
 */
export function LiftUpkeepCard({ upkeep, ui }: { upkeep: Upkeep; ui: Ui }) {
  const f = useFaultWords();
  const day = (iso: string) => formatDay(iso, ui.lang);
  const inspection = upkeep.lastInspection;
  return (
    <section className="r-card r-upkeep" aria-labelledby="r-upkeep-h" data-testid="lift-upkeep">
      <h2 id="r-upkeep-h">{f.upkeepTitle}</h2>
      <dl>
        <dt>{f.maintainer}</dt>
        <dd>
          {upkeep.maintainer ? (
            <>
              <span lang={zhText(ui.lang)}>{upkeep.maintainer.company}</span>
              {upkeep.maintainer.phone && <Phone phone={upkeep.maintainer.phone} />}
            </>
          ) : (
            f.noMaintainer
          )}
        </dd>
        <dt>{f.lastVisit}</dt>
        <dd>
          {upkeep.lastVisitOn ? day(upkeep.lastVisitOn) : f.noVisit}
          {upkeep.visitOverdue && <p className="r-upkeep-late">{f.visitOverdue}</p>}
        </dd>
        <dt>{f.inspection}</dt>
        <dd>
          {inspection
            ? `${f.inspectionKinds[inspection.kind]} ${day(inspection.on)} ${f.inspectionResults[inspection.result]}`
            : f.noInspection}
          {upkeep.inspectionValidUntil && (
            <>
              <br />
              {(inspection ? f.validUntil : f.firstDue)(day(upkeep.inspectionValidUntil))}
            </>
          )}
        </dd>
        {upkeep.useUnit && (
          <>
            <dt>{f.useUnit}</dt>
            <dd>
              <span lang={zhText(ui.lang)}>{upkeep.useUnit.name}</span>
              {upkeep.useUnit.phone && <Phone phone={upkeep.useUnit.phone} />}
            </dd>
          </>
        )}
        <dt>{f.emergencyLine}</dt>
        <dd>
          <Phone phone={LIFT_EMERGENCY_PHONE} />
        </dd>
      </dl>
    </section>
  );
}

/**
 * On the household's first screen, when its project's lift is in service: the lift's upkeep and
 * the way to report a fault.
 */
export function FaultsLink({ code, ui, onOpen }: { code: string; ui: Ui; onOpen: () => void }) {
  const f = useFaultWords();
  const [upkeep, setUpkeep] = useState<Upkeep | null>(null);
  useEffect(() => {
    let live = true;
    answer(api.GET('/api/v1/r/{code}/faults', { params: { path: { code } } })).then(
      (v) => live && setUpkeep(v.lift?.upkeep ?? null),
      () => live && setUpkeep(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!upkeep) return null;
  return (
    <>
      <LiftUpkeepCard upkeep={upkeep} ui={ui} />
      <section className="r-card r-faults-link" aria-labelledby="r-faults-link-h">
        <h2 id="r-faults-link-h">{f.link}</h2>
        <p>{f.linkIntro}</p>
        <Button kind="secondary" wide onClick={onOpen}>
          {f.link}
        </Button>
      </section>
    </>
  );
}

/** The lift code in the address (/r/lift/<code>). */
function liftCodeFromPath(path: string): string {
  const m = /^\/r\/lift\/([^/]+)/.exec(path);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** Looks a report up by its number. */
function StatusCheck({ liftCode, ui, f }: { liftCode: string; ui: Ui; f: FaultWords }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<FaultStatus | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ref = normaliseFaultRef(value);
    if (!value.trim()) {
      setError(f.checkEmpty);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setFound(
        await answer(
          api.GET('/api/v1/lift-codes/{liftCode}/faults/{ref}', {
            params: { path: { liftCode, ref: ref ?? value.trim() } },
          }),
        ),
      );
    } catch (err) {
      setFound(null);
      setError(errorText(err, ui.lang));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="r-fault-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{f.checkTitle}</h2>
      <form className="r-entry" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-ref`} className="r-field-label">
          {f.checkLabel}
        </label>
        <p id={`${id}-hint`} className="r-hint">
          {f.checkHint}
        </p>
        {error && <Alert id={`${id}-error`}>{error}</Alert>}
        <input
          ref={input}
          id={`${id}-ref`}
          className="r-code-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        <button type="submit" className="r-btn r-btn--primary r-btn--wide" disabled={busy}>
          {busy ? f.checking : f.check}
        </button>
      </form>
      {found && <StatusCard status={found} ui={ui} />}
    </section>
  );
}

/**
 * The car's QR page (/r/lift/<code>): anyone in or by the lift reports a fault or a person trapped
 * without logging in and without leaving anything personal, and checks a report by its number.
 */
export function LiftCodePage() {
  const { lang } = useLang();
  const w = useWords();
  const f = useFaultWords();
  const ui: Ui = { w, lang };
  const liftCode = liftCodeFromPath(location.pathname);
  const [lift, setLift] = useState<Answer<'/api/v1/lift-codes/{liftCode}'> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<FaultStatus | null>(null);
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    answer(api.GET('/api/v1/lift-codes/{liftCode}', { params: { path: { liftCode } } })).then(
      setLift,
      setFailure,
    );
  }, [liftCode]);
  useEffect(() => {
    document.title = `${f.qrTitle} · ${w.site}`;
    document.documentElement.lang = lang;
  }, [lang, f, w]);
  return (
    <div className="r-app">
      <TopBar />
      <main className="r-main">
        {sent ? (
          <Sent
            status={sent}
            ui={ui}
            onAgain={() => {
              setSent(null);
              setFormKey((k) => k + 1);
              focusTitle();
            }}
          />
        ) : (
          <>
            <Title>{f.qrTitle}</Title>
            {lift && (
              <p className="r-project">
                <span className="r-label">{f.lift}</span>
                <span lang={zhText(lang)}>{lift.liftName}</span>
              </p>
            )}
            {!lift && !failure && (
              <p role="status" className="r-loading">
                {f.loading}
              </p>
            )}
            {failure !== null && <Alert>{errorText(failure, lang)}</Alert>}
            {/* the emergency number is there even when the code is wrong or the network fails */}
            {failure !== null && <EmergencyAdvice ui={ui} />}
            {lift && (
              <ReportForm
                key={formKey}
                ui={ui}
                send={(body) =>
                  answer(
                    api.POST('/api/v1/lift-codes/{liftCode}/faults', {
                      params: { path: { liftCode } },
                      body,
                    }),
                  )
                }
                onSent={(status) => {
                  setSent(status);
                  window.scrollTo(0, 0);
                  focusTitle();
                }}
              />
            )}
          </>
        )}
        {lift && <StatusCheck key={sent?.ref ?? ''} liftCode={liftCode} ui={ui} f={f} />}
        {lift && !sent && <LiftUpkeepCard upkeep={lift.upkeep} ui={ui} />}
      </main>
      <footer className="r-foot">
        <p>{w.help}</p>
      </footer>
    </div>
  );
}
