import { useEffect, useState, type ReactNode } from 'react';
import { answer, api, ApiError, errorText, type Answer } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { formatYuan } from '../shared/yuan.ts';
import { lineLabel } from '../../core/money/breakdown.ts';
import { useCostWords } from './costWords.ts';
import { Alert, Button, Icon, ReadAloud, Title, zhText, type Ui } from './parts.tsx';
import type { PlanKind } from './Materials.tsx';
import './cost.css';

/** What `GET /api/v1/r/:code/cost-share` answers. */
export type CostShareView = Answer<'/api/v1/r/{code}/cost-share'>;
type ShareUnit = CostShareView['units'][number];
type CostLine = CostShareView['plan']['lines'][number];

const readShare = (code: string) =>
  answer(api.GET('/api/v1/r/{code}/cost-share', { params: { path: { code } } }));
const focusTitle = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));

/** Which plan the household's code shows (the one voted on, the adopted one), or null for none. */
export function usePlanKind(code: string | null): PlanKind {
  const [plan, setPlan] = useState<PlanKind>(null);
  useEffect(() => {
    setPlan(null);
    if (!code) return;
    let live = true;
    readShare(code).then(
      (v) => live && setPlan(v.units.length > 0 ? v.plan.status : null),
      () => live && setPlan(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return plan;
}

/** The household page's way to its cost share: what it would pay under the plan voted on, or pays under the adopted one. */
export function CostShareLink({ plan, onOpen }: { plan: PlanKind; onOpen: () => void }) {
  const c = useCostWords();
  if (!plan) return null;
  const proposed = plan === 'draft';
  return (
    <section className="r-card r-cost-link" aria-labelledby="r-cost-link-h">
      <h2 id="r-cost-link-h">{proposed ? c.proposedTitle : c.linkTitle}</h2>
      <p>{proposed ? c.proposedIntro : c.linkIntro}</p>
      <Button kind="secondary" wide onClick={onOpen}>
        {proposed ? c.proposedLink : c.link}
      </Button>
    </section>
  );
}

type Step =
  | { name: 'view' }
  | { name: 'confirm'; unit: ShareUnit }
  | { name: 'done'; unit: ShareUnit }
  | { name: 'agreement'; unit: ShareUnit };

/** The household's share(s) in large type with the plain explanation, sign-off in two taps, and the receipt. */
export function CostShareScreen({ code, ui, onBack }: { code: string; ui: Ui; onBack: () => void }) {
  const c = useCostWords();
  const { lang } = ui;
  const [view, setView] = useState<CostShareView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [step, setStep] = useState<Step>({ name: 'view' });
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const load = () =>
    readShare(code).then(
      (v) => {
        setView(v);
        setFailure(null);
        return v;
      },
      (err: unknown) => {
        setFailure(err);
        return null;
      },
    );
  useEffect(() => {
    void load();
  }, [code]);
  const goStep = (s: Step) => {
    setSendError(null);
    setStep(s);
    window.scrollTo(0, 0);
    focusTitle();
  };

  const sign = async (unit: ShareUnit) => {
    setBusy(true);
    setSendError(null);
    try {
      await answer(
        api.POST('/api/v1/r/{code}/cost-share/sign', {
          params: { path: { code } },
          body: { unitId: unit.unitId },
        }),
      );
      const v = await load();
      goStep({ name: 'done', unit: v?.units.find((u) => u.unitId === unit.unitId) ?? unit });
    } catch (err) {
      setSendError(err);
    } finally {
      setBusy(false);
    }
  };

  if (failure) {
    const none = failure instanceof ApiError && failure.status === 404;
    return (
      <>
        <Title>{c.title}</Title>
        {none ? <p className="r-notice">{c.noPlan}</p> : <Alert>{errorText(failure, lang)}</Alert>}
        <HomeButton label={c.toHome} onBack={onBack} />
      </>
    );
  }
  if (!view) {
    return (
      <p role="status" className="r-loading">
        {c.loading}
      </p>
    );
  }

  if (step.name === 'confirm') {
    const u = step.unit;
    return (
      <>
        <Title>{c.confirmTitle}</Title>
        <p className="r-cost-amount r-cost-amount--confirm">
          <span lang={zhText(lang)}>{u.room}</span>
          <strong>
            {formatYuan(u.shareFen)} <small>{c.yuan}</small>
          </strong>
        </p>
        <p>{c.confirmText(u.room, formatYuan(u.shareFen))}</p>
        {sendError !== null && <Alert>{errorText(sendError, lang)}</Alert>}
        <div className="r-actions r-actions--stack">
          <Button kind="primary" wide onClick={() => void sign(u)} disabled={busy}>
            {busy ? c.sending : c.confirm}
          </Button>
          <Button kind="secondary" wide onClick={() => goStep({ name: 'view' })} disabled={busy}>
            {c.back}
          </Button>
        </div>
      </>
    );
  }

  if (step.name === 'agreement')
    return (
      <AgreementText
        unit={step.unit}
        project={view.project}
        proposed={view.plan.status === 'draft'}
        ui={ui}
        onShare={() => goStep({ name: 'view' })}
        onBack={onBack}
      />
    );

  if (step.name === 'done') {
    const u = step.unit;
    return (
      <>
        <div className="r-success">
          <Icon name="done" className="r-success-icon" />
          <Title>{c.doneTitle}</Title>
        </div>
        <p>{c.doneText}</p>
        <Facts
          className="r-facts r-ballot"
          testId="share-receipt"
          items={[
            [c.room, <span lang={zhText(lang)}>{u.room}</span>],
            [c.yourShare, `${formatYuan(u.shareFen)} ${c.yuan}`],
            [
              c.plan,
              <>
                <span lang={zhText(lang)}>{view.plan.name}</span>（{c.version(view.plan.version)}）
              </>,
            ],
            ...(u.signedAt ? [[c.signedAt, formatDateTime(u.signedAt, lang)] as Fact] : []),
          ]}
        />
        <div className="r-actions r-actions--stack">
          <Button kind="primary" wide onClick={() => goStep({ name: 'view' })}>
            {c.toShare}
          </Button>
          <Button kind="secondary" wide onClick={onBack}>
            {c.toHome}
          </Button>
        </div>
      </>
    );
  }

  const p = view.plan;
  const proposed = p.status === 'draft';
  const shareLabel = proposed ? c.wouldShare : c.yourShare;
  const pick = (b: { zh: string; en: string }) => (lang === 'zh-CN' ? b.zh : b.en);
  return (
    <>
      <p className="r-project">
        <span className="r-label">{c.plan}</span>
        <span lang={zhText(lang)}>{view.project}</span>
      </p>
      <Title>{proposed ? c.proposedTitle : c.title}</Title>
      {proposed && <p className="r-notice">{c.proposedNote}</p>}
      {view.units.map((u) => {
        const explanation = lang === 'zh-CN' ? u.explanation.zh : u.explanation.en;
        return (
          <section
            key={u.unitId}
            className="r-card r-cost"
            aria-labelledby={`r-cost-${u.unitId}`}
            data-testid="share-card"
          >
            <h2 id={`r-cost-${u.unitId}`}>
              <span lang={zhText(lang)}>{u.room}</span>
              <span className="r-cost-where">{c.floorArea(u.floor, u.areaM2)}</span>
            </h2>
            <p className="r-cost-amount">
              <span>{shareLabel}</span>
              <strong data-testid="share-amount">
                {formatYuan(u.shareFen)} <small>{c.yuan}</small>
              </strong>
            </p>
            {u.shareFen === 0 && <p>{c.exempt}</p>}
            {u.compensationFen > 0 && (
              <p className="r-cost-comp">
                {c.compensation}：<strong>{formatYuan(u.compensationFen)}</strong> {c.yuan}
              </p>
            )}
            <h3 className="r-cost-h3">{c.howComputed}</h3>
            <p className="r-cost-explain" data-testid="share-explanation">
              {explanation}
            </p>
            <ReadAloud
              parts={[{ text: `${shareLabel}${formatYuan(u.shareFen)}${c.yuan}。${explanation}`, lang }]}
              ui={ui}
            />
            <div className="r-actions r-actions--stack">
              <Button kind="secondary" wide onClick={() => goStep({ name: 'agreement', unit: u })}>
                {c.readAgreement}
              </Button>
            </div>
            {u.signedAt ? (
              <p className="r-cost-signed">
                <Icon name="done" className="r-choice-icon r-choice-icon--agree" />
                <span>
                  <strong>{c.signed}</strong>
                  <span className="r-note">
                    {c.signedAt}：{formatDateTime(u.signedAt, lang)}
                  </span>
                </span>
              </p>
            ) : (
              u.shareFen > 0 &&
              !proposed && (
                <div className="r-cost-sign">
                  <p className="r-hint">{c.signHint}</p>
                  <Button kind="primary" wide onClick={() => goStep({ name: 'confirm', unit: u })}>
                    {c.sign}
                  </Button>
                </div>
              )
            )}
          </section>
        );
      })}
      <section className="r-card" aria-labelledby="r-cost-lines-h">
        <h2 id="r-cost-lines-h">{c.lines}</h2>
        <p className="r-hint">{c.linesHint}</p>
        <CostLines lines={p.lines} lang={lang} yuan={c.yuan} />
        <Facts
          className="r-facts"
          items={[
            [c.scheme, pick(p.schemeText)],
            ...(p.subsidyPolicy
              ? [
                  [
                    c.subsidyPolicy,
                    <>
                      {pick(p.subsidyPolicy.name)}
                      <span className="r-note" lang="zh-CN">
                        {p.subsidyPolicy.source}
                      </span>
                    </>,
                  ] as Fact,
                ]
              : []),
          ]}
        />
      </section>
      <HomeButton label={c.toHome} onBack={onBack} />
    </>
  );
}

/**
 * The agreement's clauses as the server filled them for this household — the very text of its
 * Word agreement (core/agreement.ts fills both), in the street's Chinese wording, in large type.
 */
function AgreementText({
  unit,
  project,
  proposed,
  ui,
  onShare,
  onBack,
}: {
  unit: ShareUnit;
  project: string;
  proposed: boolean;
  ui: Ui;
  onShare: () => void;
  onBack: () => void;
}) {
  const c = useCostWords();
  const zh = zhText(ui.lang);
  return (
    <>
      <p className="r-project">
        <span className="r-label">{c.plan}</span>
        <span lang={zh}>{project}</span>
      </p>
      <Title>{c.agreementTitle}</Title>
      <p className="r-cost-where">{c.agreementFor(unit.room)}</p>
      <p>{proposed ? c.agreementProposed : c.agreementIntro}</p>
      <ReadAloud
        parts={[{ text: unit.clauses.map((k) => `${k.title}。${k.body}`).join('\n'), lang: 'zh-CN' }]}
        ui={ui}
      />
      <div className="r-card r-agreement" lang={zh} data-testid="agreement-clauses">
        {unit.clauses.map((k) => (
          <section key={k.title}>
            <h2>{k.title}</h2>
            {k.body.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>
        ))}
      </div>
      <div className="r-actions r-actions--stack">
        <Button kind="primary" wide onClick={onShare}>
          {c.toShare}
        </Button>
        <Button kind="secondary" wide onClick={onBack}>
          {c.toHome}
        </Button>
      </div>
    </>
  );
}

/**
 * The plan's sum line by line, as the agreement prints it: each line says whether it is added
 * (加) or taken off (减), and the totals stand out, so the owner can add it up to the fen.
 */
function CostLines({ lines, lang, yuan }: { lines: CostLine[]; lang: Ui['lang']; yuan: string }) {
  const pick = (b: { zh: string; en: string }) => (lang === 'zh-CN' ? b.zh : b.en);
  return (
    <dl className="r-cost-lines" data-testid="cost-lines">
      {lines.map((l, i) => (
        <div
          key={i}
          className={l.sign === 'total' ? 'r-cost-line r-cost-line--total' : 'r-cost-line'}
          data-testid="cost-line"
          data-key={l.key}
        >
          <dt>
            {pick(lineLabel(l))}
            {l.note && <span className="r-note">{pick(l.note)}</span>}
          </dt>
          <dd>
            {formatYuan(l.fen)} <small>{yuan}</small>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Back to the household's first page, the way out of every state of this screen. */
function HomeButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <div className="r-actions r-actions--stack">
      <Button kind="secondary" wide onClick={onBack}>
        {label}
      </Button>
    </div>
  );
}

export type Fact = [string, ReactNode];

/** Label and value pairs as a definition list. */
export function Facts({
  items,
  className = 'r-facts',
  testId,
}: {
  items: Fact[];
  className?: string;
  testId?: string;
}) {
  return (
    <dl className={className} data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
