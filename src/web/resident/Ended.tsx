import {
  BallotFacts,
  Button,
  Overview,
  ReadAloud,
  ReceiptCheckLink,
  Title,
  zhText,
  type Ui,
} from './parts.tsx';
import type { ResidentView } from './types.ts';

const explanation = (view: ResidentView, ui: Ui) =>
  view.explanation ? (ui.lang === 'zh-CN' ? view.explanation.zh : view.explanation.en) : '';

/** A closed consultation: the explanation first, then what was asked and how this household voted. */
export function Closed({ view, ui }: { view: ResidentView; ui: Ui }) {
  const { w } = ui;
  const said = explanation(view, ui);
  return (
    <>
      <div className="r-notice" role="status">
        <p className="r-notice-title">{w.closedTitle}</p>
        <p>{said}</p>
      </div>
      <Overview view={view} ui={ui}>
        <ReadAloud
          parts={[
            { text: `${w.closedTitle}。${said}`, lang: ui.lang },
            { text: `${view.consultation.title}。${view.consultation.question}`, lang: 'zh-CN' },
          ]}
          ui={ui}
        />
      </Overview>
      <section className="r-card r-vote" aria-labelledby="r-closed-ballot-h">
        <h2 id="r-closed-ballot-h">{w.yourBallot}</h2>
        {view.ballot ? (
          <>
            <BallotFacts view={view} ui={ui} />
            <ReceiptCheckLink receipt={view.ballot.receipt} ui={ui} />
          </>
        ) : (
          <p>{w.noBallot}</p>
        )}
      </section>
    </>
  );
}

/**
 * A revoked code (the letter was reported lost and a new one issued): the explanation and the
 * way to the new code, and nothing of the household or its vote — whoever holds this letter
 * may not be its owner.
 */
export function Revoked({ view, ui, onNewCode }: { view: ResidentView; ui: Ui; onNewCode: () => void }) {
  const { w } = ui;
  const said = explanation(view, ui);
  return (
    <>
      <Title>{w.revokedTitle}</Title>
      <div className="r-notice" role="status">
        <p>{said}</p>
      </div>
      <p className="r-project">
        <span className="r-label">{w.project}</span>
        <span lang={zhText(ui.lang)}>{view.project}</span>
      </p>
      <p lang={zhText(ui.lang)}>{view.consultation.title}</p>
      <ReadAloud parts={[{ text: `${w.revokedTitle}。${said}`, lang: ui.lang }]} ui={ui} />
      <div className="r-actions">
        <Button kind="primary" wide onClick={onNewCode}>
          {w.newCode}
        </Button>
      </div>
    </>
  );
}
