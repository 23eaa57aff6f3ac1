import { useState } from 'react';
import { formatFileSize } from '../shared/format.ts';
import { Button, Title, zhText, type Ui } from './parts.tsx';
import type { ResidentView } from './types.ts';
import { useMaterialWords } from './materialWords.ts';
import './materials.css';

export type Material = ResidentView['consultation']['materials'][number];
/** The plan a household's code shows: the one being voted on (draft), the adopted one, or none. */
export type PlanKind = 'draft' | 'adopted' | 'superseded' | null;

export const materialUrl = (code: string, m: Material) =>
  `/api/v1/r/${encodeURIComponent(code)}/materials/${m.documentId}`;
const isImage = (m: Material) => m.mime.startsWith('image/');

/**
 * "Read first": the consultation's summary, each material as a large link (an image opens in the
 * page's zoomable viewer, a PDF in the phone's own reader), and what the household would pay.
 */
export function ReadFirst({
  view,
  code,
  ui,
  plan,
  onOpenImage,
  onOpenCost,
}: {
  view: ResidentView;
  code: string;
  ui: Ui;
  plan: PlanKind;
  onOpenImage: (m: Material) => void;
  onOpenCost: () => void;
}) {
  const m = useMaterialWords();
  const c = view.consultation;
  // an adopted plan has its own card below (to sign off); here, the plan still being voted on
  const showCost = plan === 'draft' && view.state === 'open';
  if (!c.documentsSummary && !c.materials.length && !showCost) return null;
  return (
    <section className="r-card r-docs" aria-labelledby="r-docs-h">
      <h2 id="r-docs-h">{m.title}</h2>
      {c.documentsSummary && <p lang={zhText(ui.lang)}>{c.documentsSummary}</p>}
      {(c.materials.length > 0 || showCost) && (
        <ul className="r-doc-list">
          {c.materials.map((d) => (
            <li key={d.documentId}>
              {isImage(d) ? (
                <button type="button" className="r-doc-link" onClick={() => onOpenImage(d)}>
                  <DocIcon kind="image" />
                  <span>
                    <span lang={zhText(ui.lang)}>{d.title}</span>
                    <span className="r-doc-kind">{m.imageKind}</span>
                  </span>
                </button>
              ) : (
                <a className="r-doc-link" href={materialUrl(code, d)} target="_blank" rel="noopener">
                  <DocIcon kind="pdf" />
                  <span>
                    <span lang={zhText(ui.lang)}>{d.title}</span>
                    <span className="r-doc-kind">{m.pdfKind(formatFileSize(d.size))}</span>
                  </span>
                </a>
              )}
            </li>
          ))}
          {showCost && (
            <li>
              <button type="button" className="r-doc-link" onClick={onOpenCost}>
                <DocIcon kind="money" />
                <span>
                  <span>{m.wouldPay}</span>
                  <span className="r-doc-kind">{m.wouldPayHint}</span>
                </span>
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function DocIcon({ kind }: { kind: 'image' | 'pdf' | 'money' }) {
  return (
    <svg className="r-icon r-doc-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {kind === 'image' ? (
        <>
          <rect x="3.5" y="5" width="17" height="14" rx="1.5" />
          <path d="M6 16l4-5 3 3.5 2-2.5 3 4" />
        </>
      ) : kind === 'pdf' ? (
        <>
          <path d="M6 3.5h8l4 4V20.5H6z" />
          <path d="M9 12h6M9 15.5h6" />
        </>
      ) : (
        <>
          <circle cx="12" cy="12" r="8.5" />
          <path d="M8.5 8l3.5 4.5L15.5 8M8.5 13h7M12 12.5v5" />
        </>
      )}
    </svg>
  );
}

const ZOOMS: readonly number[] = [100, 150, 200, 300];

/**
 * An image material full width, with large buttons to enlarge it (the picture scrolls inside its
 * frame) for owners who do not pinch; pinching works as well.
 */
export function MaterialScreen({
  code,
  material,
  ui,
  onBack,
}: {
  code: string;
  material: Material;
  ui: Ui;
  onBack: () => void;
}) {
  const m = useMaterialWords();
  const [zoom, setZoom] = useState(0);
  const url = materialUrl(code, material);
  return (
    <>
      <p className="r-project">
        <span className="r-label">{m.title}</span>
      </p>
      <Title>
        <span lang={zhText(ui.lang)}>{material.title}</span>
      </Title>
      <div className="r-zoom-bar" role="group" aria-label={m.zoomGroup}>
        <Button kind="secondary" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}>
          {m.smaller}
        </Button>
        <span className="r-zoom-level" aria-live="polite">
          {m.zoomAt(ZOOMS[zoom]!)}
        </span>
        <Button
          kind="secondary"
          onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
          disabled={zoom === ZOOMS.length - 1}
        >
          {m.larger}
        </Button>
      </div>
      <div className="r-zoom-frame" tabIndex={0} role="region" aria-label={m.pictureRegion}>
        <img
          src={url}
          alt={m.pictureAlt(material.title)}
          style={{ width: `${ZOOMS[zoom]!}%` }}
          data-testid="material-image"
        />
      </div>
      <p className="r-hint">{m.pinchHint}</p>
      <div className="r-actions r-actions--stack">
        <a className="r-btn r-btn--secondary r-btn--wide" href={url} target="_blank" rel="noopener">
          {m.openOriginal}
        </a>
        <Button kind="secondary" wide onClick={onBack}>
          {m.back}
        </Button>
      </div>
    </>
  );
}
