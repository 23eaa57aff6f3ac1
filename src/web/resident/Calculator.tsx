import { useEffect, useState, type FormEvent } from 'react';
import { answer as answerOf, api, errorText, type Answer, type Body } from '../shared/api.ts';
import { useLang } from '../shared/words.ts';
import { formatYuan, parseYuan } from '../shared/yuan.ts';
import { Facts } from './CostShare.tsx';
import { useCostWords, type CostWords } from './costWords.ts';
import { Alert, Title, TopBar } from './parts.tsx';
import { useWords } from './words.ts';
import './cost.css';

type SchemeChoice = 'coefficient' | 'equal' | 'area';
const SCHEMES: SchemeChoice[] = ['coefficient', 'equal', 'area'];
const EXAMPLE = ['0', '0', '0.7', '0.8', '0.9', '1.0', '1.1'];

/** What the public cost-share tool answers. */
type ShareAnswer = Answer<'/api/v1/tools/cost-share', 'post'>;

/** Example coefficients: floors 1–2 pay nothing, then 0.7, 0.8 … (0.1 more a floor). */
function coefficients(floors: number) {
  return Object.fromEntries(
    Array.from({ length: floors }, (_, i) => [
      String(i + 1),
      EXAMPLE[i] ?? `${(Number(EXAMPLE[6]) * 10 + (i - 6)) / 10}`,
    ]),
  );
}

/** The public calculator (/r/calculator): rough amounts in yuan, a simple scheme, the result per floor. */
export function Calculator() {
  const { lang } = useLang();
  const w = useCostWords();
  const rw = useWords();
  const [construction, setConstruction] = useState('600000');
  const [other, setOther] = useState('0');
  const [funds, setFunds] = useState('0');
  const [subsidy, setSubsidy] = useState(true);
  const [floors, setFloors] = useState('6');
  const [perFloor, setPerFloor] = useState('2');
  // the flats of a stairwell usually repeat floor by floor: one area per position on a floor
  const [areas, setAreas] = useState<string[]>(['60', '60']);
  const [scheme, setScheme] = useState<SchemeChoice>('coefficient');
  const [answer, setAnswer] = useState<{ answer: ShareAnswer; floors: number; perFloor: number } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${w.calcTitle} · ${w.site}`;
    document.documentElement.lang = lang;
  }, [lang, w]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const constructionFen = parseYuan(construction);
    const otherFen = parseYuan(other || '0');
    const fundsFen = parseYuan(funds || '0');
    const nFloors = Number(floors);
    const nPer = Number(perFloor);
    const badArea = areas.findIndex((a) => !/^\d{1,4}(\.\d{1,2})?$/.test(a.trim()) || Number(a) <= 0);
    const bad =
      constructionFen === null
        ? w.calcConstruction
        : otherFen === null
          ? w.calcOther
          : fundsFen === null
            ? w.calcFunds
            : !Number.isInteger(nFloors) || nFloors < 2 || nFloors > 30
              ? w.calcFloors
              : !Number.isInteger(nPer) || nPer < 1 || nPer > 8
                ? w.calcPerFloor
                : badArea >= 0
                  ? w.calcAreaOf(badArea + 1)
                  : null;
    if (bad) {
      setProblem(w.calcBad(bad));
      return;
    }
    // each was named above when it did not read as yuan
    if (constructionFen === null || otherFen === null || fundsFen === null) return;
    const units = Array.from({ length: nFloors * nPer }, (_, i) => ({
      id: `${Math.floor(i / nPer) + 1}0${(i % nPer) + 1}`,
      floor: Math.floor(i / nPer) + 1,
      areaM2: areas[i % nPer]!.trim(),
    }));
    const exempt = nFloors > 2 ? [1, 2] : [1];
    const body: Body<'/api/v1/tools/cost-share'> = {
      constructionFen,
      otherCostsFen: otherFen,
      otherFundsFen: fundsFen,
      subsidy: subsidy ? 'sh-2020' : null,
      scheme:
        scheme === 'coefficient'
          ? { kind: 'floor-coefficient-area', coefficients: coefficients(nFloors) }
          : { kind: scheme, exemptFloors: exempt },
      units,
    };
    setBusy(true);
    try {
      setAnswer({
        answer: await answerOf(api.POST('/api/v1/tools/cost-share', { body })),
        floors: nFloors,
        perFloor: nPer,
      });
      requestAnimationFrame(() => document.getElementById('r-calc-result')?.focus());
    } catch (err) {
      setProblem(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  /** As many area fields as flats on a floor; a new position starts with the last one's area. */
  const changePerFloor = (value: string) => {
    setPerFloor(value);
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= 8)
      setAreas((old) => Array.from({ length: n }, (_, i) => old[i] ?? old[old.length - 1] ?? '60'));
  };

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    mode: 'decimal' | 'numeric' = 'decimal',
  ) => (
    <div className="r-calc-field">
      <label className="r-field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="r-calc-input"
        inputMode={mode}
        value={value}
        onChange={(e) => set(e.target.value)}
        autoComplete="off"
      />
    </div>
  );

  return (
    <div className="r-app">
      <TopBar />
      <main className="r-main">
        <Title>{w.calcTitle}</Title>
        <p>{w.calcIntro}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {field('calc-construction', w.calcConstruction, construction, setConstruction)}
          <label className="r-calc-check">
            <input type="checkbox" checked={subsidy} onChange={(e) => setSubsidy(e.target.checked)} />
            <span>{w.calcSubsidy}</span>
          </label>
          {field('calc-other', w.calcOther, other, setOther)}
          {field('calc-funds', w.calcFunds, funds, setFunds)}
          <div className="r-calc-row">
            {field('calc-floors', w.calcFloors, floors, setFloors, 'numeric')}
            {field('calc-per-floor', w.calcPerFloor, perFloor, changePerFloor, 'numeric')}
          </div>
          <fieldset className="r-fieldset r-calc-field">
            <legend className="r-field-label">{w.calcAreas}</legend>
            <div className="r-calc-row">
              {areas.map((a, i) =>
                field(`calc-area-${i + 1}`, w.calcAreaOf(i + 1), a, (v) =>
                  setAreas((old) => old.map((x, j) => (j === i ? v : x))),
                ),
              )}
            </div>
          </fieldset>
          <fieldset className="r-fieldset r-calc-field">
            <legend className="r-field-label">{w.calcScheme}</legend>
            <div className="r-options r-calc-options">
              {SCHEMES.map((s) => (
                <label key={s} className={`r-option${scheme === s ? ' r-option--checked' : ''}`}>
                  <input
                    type="radio"
                    name="calc-scheme"
                    value={s}
                    checked={scheme === s}
                    onChange={() => setScheme(s)}
                  />
                  <span>{w.calcSchemes[s]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {problem && <Alert>{problem}</Alert>}
          <div className="r-actions r-actions--stack">
            <button type="submit" className="r-btn r-btn--primary r-btn--wide" disabled={busy}>
              {busy ? w.sending : w.calcGo}
            </button>
          </div>
        </form>
        {answer && <Result w={w} {...answer} />}
        <p style={{ marginTop: 24 }}>
          <a href="/r/">{w.calcToHome}</a>
        </p>
      </main>
      <footer className="r-foot">
        <p>{rw.help}</p>
      </footer>
    </div>
  );
}

function Result({
  w,
  answer,
  floors,
  perFloor,
}: {
  w: CostWords;
  answer: ShareAnswer;
  floors: number;
  perFloor: number;
}) {
  const rows = Array.from({ length: floors }, (_, i) => floors - i).map((f) => {
    const mine = answer.shares.slice((f - 1) * perFloor, f * perFloor);
    return { floor: f, flats: mine, total: mine.reduce((a, s) => a + s.shareFen, 0) };
  });
  return (
    <section className="r-card r-cost" aria-labelledby="r-calc-result" data-testid="calc-result">
      <h2 id="r-calc-result" tabIndex={-1}>
        {w.calcResult}
      </h2>
      <Facts
        items={[
          [w.calcSubsidyIs, `${formatYuan(answer.subsidyFen)} ${w.yuan}`],
          [w.calcShareTotal, `${formatYuan(answer.amountToShareFen)} ${w.yuan}`],
        ]}
      />
      <table className="r-calc-table">
        <thead>
          <tr>
            <th scope="col">{w.calcFloor}</th>
            <th scope="col">
              {w.calcEach}（{w.yuan}）
            </th>
            <th scope="col">
              {w.calcFloorTotal}（{w.yuan}）
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.floor}>
              <th scope="row">{w.floorN(r.floor)}</th>
              <td>
                {r.flats.every((s) => s.shareFen === r.flats[0]!.shareFen) ? (
                  <strong>{formatYuan(r.flats[0]!.shareFen)}</strong>
                ) : (
                  <ul className="r-calc-flats">
                    {r.flats.map((s) => (
                      <li key={s.unitId}>
                        {w.roomN(s.unitId)} <strong>{formatYuan(s.shareFen)}</strong>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{formatYuan(r.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="r-hint" style={{ marginTop: 12 }}>
        {w.calcNote}
      </p>
    </section>
  );
}
