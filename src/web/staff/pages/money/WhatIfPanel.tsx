import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useId, useState } from 'react';
import { DEFAULT_SCHEME_PRESETS } from '../../../../core/money/schemes.ts';
import { SUBSIDY_RULES } from '../../../../core/money/subsidy.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { StairwellDetail } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { formatYuan, parseYuan } from '../../../shared/yuan.ts';
import { useApiMutation, useErrorText } from '../../data.ts';
import { PerFloorChart } from './PerFloorChart.tsx';
import { SCHEME_KINDS, type Scheme, type SchemeKind, type WhatIfAnswer, type WhatIfScheme } from './types.ts';
import { useWords } from './words.ts';
import { useConfirmDiscard } from '../../components/confirmDiscard.ts';
import { Yuan } from '../../components/cells.tsx';

interface LineDraft {
  label: string;
  yuan: string;
}
interface CompDraft {
  unitId: string;
  yuan: string;
  note: string;
}
export interface SchemeDraft {
  name: string;
  kind: SchemeKind;
  /** per floor, decimal text */
  values: Record<string, string>;
  exempt: number[];
}

/** The core's example coefficients (domain.md §5) for six and seven storeys, lowest floor first. */
const presetCoefficients = (key: string) => {
  const scheme = DEFAULT_SCHEME_PRESETS.find((p) => p.key === key)!.scheme;
  if (scheme.kind !== 'floor-coefficient-area') throw new Error(`${key} is not a coefficient scheme`);
  return Object.entries(scheme.coefficients)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);
};
const PRESET_6 = presetCoefficients('coef-6');
const PRESET_7 = presetCoefficients('coef-7');

/** The example coefficients for the building's height (6 or 7 storeys; others repeat the top value). */
export function presetFor(floors: number, seven = floors >= 7): Record<string, string> {
  const base = seven ? PRESET_7 : PRESET_6;
  return Object.fromEntries(
    Array.from({ length: floors }, (_, i) => [String(i + 1), base[Math.min(i, base.length - 1)]!]),
  );
}

/** Percentages per floor summing to exactly 100: the floors above the second in equal parts, the rest to the top. */
function evenPercents(floors: number): Record<string, string> {
  const paying = Math.max(1, floors - 2);
  const each = Math.floor(100 / paying);
  return Object.fromEntries(
    Array.from({ length: floors }, (_, i) => {
      const f = i + 1;
      if (floors > 2 && f <= 2) return [String(f), '0'];
      return [String(f), String(f === floors ? 100 - each * (paying - 1) : each)];
    }),
  );
}

function schemeOf(d: SchemeDraft): Scheme {
  if (d.kind === 'floor-coefficient-area') return { kind: d.kind, coefficients: d.values };
  if (d.kind === 'floor-percent') return { kind: d.kind, percents: d.values };
  return { kind: d.kind, exemptFloors: d.exempt };
}

/** What the what-if and the new draft both take besides their schemes: the costs, subsidy, funds and compensations. */
export type PlanBase = Omit<Body<'/api/v1/projects/{id}/cost-plans'>, 'name' | 'scheme'>;

/** What-if editor: costs, subsidy, funds, compensation and 2–4 schemes → comparison, then save one as a draft. */
export function WhatIfPanel({
  projectId,
  stairwell,
  canEdit,
}: {
  projectId: string;
  stairwell: StairwellDetail;
  canEdit: boolean;
}) {
  const w = useWords();
  const { pick } = useLang();
  const errorText = useErrorText();
  const floors = Math.max(stairwell.floors, ...stairwell.units.map((u) => u.floor));
  const floorList = Array.from({ length: floors }, (_, i) => i + 1);
  const [construction, setConstruction] = useState('600000');
  const [otherCosts, setOtherCosts] = useState<LineDraft[]>([]);
  const [otherFunds, setOtherFunds] = useState<LineDraft[]>([]);
  const [subsidy, setSubsidy] = useState<string>('sh-2020');
  const [rate, setRate] = useState('0.40');
  const [cap, setCap] = useState('280000');
  const [comps, setComps] = useState<CompDraft[]>([]);
  const [schemes, setSchemes] = useState<SchemeDraft[]>([
    {
      name: `${w.kinds['floor-coefficient-area']}`,
      kind: 'floor-coefficient-area',
      values: presetFor(floors),
      exempt: [],
    },
    {
      name: `${w.kinds.equal}`,
      kind: 'equal',
      values: {},
      exempt: floorList.filter((f) => f <= 2 && floors > 2),
    },
  ]);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saving, setSaving] = useState<{ scheme: WhatIfScheme; index: number } | null>(null);

  const lines = (rows: LineDraft[], field: string) =>
    rows.map((r) => {
      const fen = parseYuan(r.yuan);
      if (fen === null) throw new Error(w.badAmount(`${field} ${r.label}`));
      return { label: r.label.trim() || field, fen };
    });

  /** The body both routes take, or an error naming the field (nothing is sent). */
  const base = (): PlanBase => {
    const constructionFen = parseYuan(construction);
    if (constructionFen === null) throw new Error(w.badAmount(w.construction));
    const body: PlanBase = {
      constructionFen,
      otherCosts: lines(otherCosts, w.otherCosts),
      otherFunds: lines(otherFunds, w.otherFunds),
    };
    if (subsidy === 'none') body.subsidy = null;
    else if (subsidy === 'custom') {
      const capFen = cap.trim() === '' ? null : parseYuan(cap);
      if (capFen === null && cap.trim() !== '') throw new Error(w.badAmount(w.cap));
      body.subsidy = { rate: rate.trim(), capFen };
    } else body.subsidy = { ruleId: subsidy };
    body.compensations = comps
      .filter((c) => c.unitId)
      .map((c) => {
        const fen = parseYuan(c.yuan);
        if (fen === null) throw new Error(w.badAmount(w.compensations));
        return { unitId: c.unitId, fen, ...(c.note.trim() ? { note: c.note.trim() } : {}) };
      });
    return body;
  };

  const compare = useApiMutation((body: Body<'/api/v1/projects/{id}/cost-plans/what-if'>) =>
    answer(
      api.POST('/api/v1/projects/{id}/cost-plans/what-if', { params: { path: { id: projectId } }, body }),
    ),
  );
  const run = () => {
    setInvalid(null);
    try {
      if (schemes.length < 2) throw new Error(w.needTwo);
      compare.mutate({
        ...base(),
        schemes: schemes.map((s, i) => ({
          name: s.name.trim() || `${w.schemes} ${i + 1}`,
          scheme: schemeOf(s),
        })),
      });
    } catch (err) {
      setInvalid((err as Error).message);
    }
  };
  const update = (i: number, change: Partial<SchemeDraft>) =>
    setSchemes((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const unitOptions = [...stairwell.units]
    .sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }))
    .map((u) => ({ value: u.id, label: `${u.room}（${w.floorN(u.floor)}）` }));
  const result = compare.data;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {w.whatIfHint}
      </Typography.Paragraph>
      <Card size="small" title={<h2 className="jw-card-title">{w.base}</h2>}>
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Field label={w.construction}>
                {(id) => (
                  <Input
                    id={id}
                    inputMode="decimal"
                    value={construction}
                    onChange={(e) => setConstruction(e.target.value)}
                    data-testid="construction"
                  />
                )}
              </Field>
            </Col>
            <Col xs={24} md={16}>
              <Field label={w.subsidy}>
                {(id) => (
                  <Select
                    id={id}
                    value={subsidy}
                    onChange={setSubsidy}
                    options={[
                      ...SUBSIDY_RULES.map((r) => ({ value: r.id, label: pick(r.name) })),
                      { value: 'custom', label: w.subsidyCustom },
                      { value: 'none', label: w.subsidyNone },
                    ]}
                  />
                )}
              </Field>
            </Col>
            {subsidy === 'custom' && (
              <>
                <Col xs={12} md={8}>
                  <Field label={w.rate}>
                    {(id) => (
                      <Input
                        id={id}
                        inputMode="decimal"
                        value={rate}
                        onChange={(e) => setRate(e.target.value)}
                      />
                    )}
                  </Field>
                </Col>
                <Col xs={12} md={8}>
                  <Field label={w.cap}>
                    {(id) => (
                      <Input
                        id={id}
                        inputMode="decimal"
                        value={cap}
                        onChange={(e) => setCap(e.target.value)}
                      />
                    )}
                  </Field>
                </Col>
              </>
            )}
          </Row>
          <Lines title={w.otherCosts} rows={otherCosts} onChange={setOtherCosts} />
          <Lines title={w.otherFunds} rows={otherFunds} onChange={setOtherFunds} />
          <fieldset className="jw-money-fieldset">
            <legend>{w.compensations}</legend>
            {comps.map((c, i) => (
              <Flex key={i} gap={8} wrap align="center" className="jw-money-line">
                <Select
                  aria-label={`${w.compensationUnit} ${i + 1}`}
                  style={{ minWidth: 140 }}
                  value={c.unitId || undefined}
                  placeholder={w.compensationUnit}
                  options={unitOptions}
                  onChange={(v: string) => setComps(comps.map((x, j) => (j === i ? { ...x, unitId: v } : x)))}
                />
                <Input
                  aria-label={`${w.amountYuan} ${i + 1}`}
                  inputMode="decimal"
                  style={{ width: 120 }}
                  value={c.yuan}
                  placeholder={w.amountYuan}
                  onChange={(e) =>
                    setComps(comps.map((x, j) => (j === i ? { ...x, yuan: e.target.value } : x)))
                  }
                />
                <Input
                  aria-label={`${w.note} ${i + 1}`}
                  style={{ width: 160 }}
                  value={c.note}
                  placeholder={w.note}
                  onChange={(e) =>
                    setComps(comps.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))
                  }
                />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`${w.remove} ${i + 1}`}
                  onClick={() => setComps(comps.filter((_, j) => j !== i))}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => setComps([...comps, { unitId: '', yuan: '', note: '' }])}
            >
              {w.addLine}
            </Button>
          </fieldset>
        </Form>
      </Card>

      <Card
        size="small"
        title={<h2 className="jw-card-title">{w.schemes}</h2>}
        extra={
          schemes.length < 4 && (
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                setSchemes([...schemes, { name: `${w.kinds.area}`, kind: 'area', values: {}, exempt: [] }])
              }
            >
              {w.addScheme}
            </Button>
          )
        }
      >
        <Row gutter={[16, 16]}>
          {schemes.map((s, i) => (
            <Col key={i} xs={24} lg={12}>
              <SchemeEditor
                index={i}
                draft={s}
                floors={floorList}
                onChange={(c) => update(i, c)}
                onRemove={
                  schemes.length > 2 ? () => setSchemes(schemes.filter((_, j) => j !== i)) : undefined
                }
              />
            </Col>
          ))}
        </Row>
        <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
          <Button type="primary" size="large" onClick={run} loading={compare.isPending} data-testid="compare">
            {w.compare}
          </Button>
          {invalid && <Alert type="error" showIcon title={invalid} />}
          {compare.error && <Alert type="error" showIcon title={errorText(compare.error)} />}
        </Flex>
      </Card>

      {result && (
        <div aria-live="polite">
          <Comparison
            answer={result}
            canSave={canEdit}
            onSave={(scheme, index) => setSaving({ scheme, index })}
          />
        </div>
      )}
      {saving && (
        <SaveDraft
          projectId={projectId}
          scheme={saving.scheme}
          base={(() => {
            try {
              return base();
            } catch {
              return null;
            }
          })()}
          onClose={() => setSaving(null)}
        />
      )}
    </Flex>
  );
}

/** A labelled antd field whose control gets the id (so the label names it). */
function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = `m${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <Form.Item label={label} htmlFor={id} style={{ marginBottom: 12 }}>
      {children(id)}
    </Form.Item>
  );
}

function Lines({
  title,
  rows,
  onChange,
}: {
  title: string;
  rows: LineDraft[];
  onChange: (rows: LineDraft[]) => void;
}) {
  const w = useWords();
  return (
    <fieldset className="jw-money-fieldset">
      <legend>{title}</legend>
      {rows.map((r, i) => (
        <Flex key={i} gap={8} wrap align="center" className="jw-money-line">
          <Input
            aria-label={`${title} ${i + 1} ${w.label}`}
            style={{ width: 180 }}
            value={r.label}
            placeholder={w.label}
            onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
          />
          <Input
            aria-label={`${title} ${i + 1} ${w.amountYuan}`}
            inputMode="decimal"
            style={{ width: 140 }}
            value={r.yuan}
            placeholder={w.amountYuan}
            onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, yuan: e.target.value } : x)))}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={`${w.remove} ${title} ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange([...rows, { label: '', yuan: '' }])}
        aria-label={`${w.addLine}：${title}`}
      >
        {w.addLine}
      </Button>
    </fieldset>
  );
}

function SchemeEditor({
  index,
  draft: s,
  floors,
  onChange,
  onRemove,
}: {
  index: number;
  draft: SchemeDraft;
  floors: number[];
  onChange: (c: Partial<SchemeDraft>) => void;
  onRemove?: (() => void) | undefined;
}) {
  const w = useWords();
  const n = index + 1;
  const setKind = (kind: SchemeKind) => {
    if (kind === 'floor-coefficient-area') onChange({ kind, values: presetFor(floors.length) });
    else if (kind === 'floor-percent') onChange({ kind, values: evenPercents(floors.length) });
    else onChange({ kind, values: {}, exempt: floors.length > 2 ? [1, 2] : [] });
  };
  return (
    <fieldset className="jw-money-fieldset jw-money-scheme" data-testid={`scheme-${index}`}>
      <legend>
        {w.schemes} {n}
      </legend>
      <Form layout="vertical" component="div">
        <Field label={w.schemeName}>
          {(id) => (
            <Input
              id={id}
              value={s.name}
              onChange={(e) => onChange({ name: e.target.value })}
              maxLength={60}
            />
          )}
        </Field>
        <Field label={w.kind}>
          {(id) => (
            <Select
              id={id}
              value={s.kind}
              onChange={setKind}
              options={SCHEME_KINDS.map((k) => ({ value: k, label: w.kinds[k] }))}
              data-testid={`scheme-kind-${index}`}
            />
          )}
        </Field>
      </Form>
      {s.kind === 'floor-coefficient-area' && (
        <Space wrap size={4} style={{ marginBottom: 8 }}>
          <span>{w.preset}：</span>
          <Button size="small" onClick={() => onChange({ values: presetFor(floors.length, false) })}>
            {w.preset6}
          </Button>
          <Button size="small" onClick={() => onChange({ values: presetFor(floors.length, true) })}>
            {w.preset7}
          </Button>
        </Space>
      )}
      {(s.kind === 'floor-coefficient-area' || s.kind === 'floor-percent') && (
        <>
          <div className="jw-money-floors">
            {floors.map((f) => (
              <label key={f} className="jw-money-floor">
                <span>{s.kind === 'floor-percent' ? w.percent(f) : w.coefficient(f)}</span>
                <Input
                  inputMode="decimal"
                  value={s.values[String(f)] ?? ''}
                  onChange={(e) => onChange({ values: { ...s.values, [String(f)]: e.target.value } })}
                  aria-label={`${w.schemes} ${n} ${s.kind === 'floor-percent' ? w.percent(f) : w.coefficient(f)}`}
                />
              </label>
            ))}
          </div>
          {s.kind === 'floor-coefficient-area' && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {w.presetNote}
            </Typography.Paragraph>
          )}
        </>
      )}
      {(s.kind === 'equal' || s.kind === 'area') && (
        <div role="group" aria-label={`${w.schemes} ${n} ${w.exemptFloors}`}>
          <div style={{ marginBottom: 4 }}>{w.exemptFloors}</div>
          <Checkbox.Group
            value={s.exempt}
            onChange={(v) => onChange({ exempt: v.sort((a, b) => a - b) })}
            options={floors.map((f) => ({ value: f, label: w.floorN(f) }))}
          />
        </div>
      )}
      {onRemove && (
        <Button
          danger
          type="link"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          style={{ paddingLeft: 0, marginTop: 8 }}
        >
          {w.removeScheme}
        </Button>
      )}
    </fieldset>
  );
}

/** Summary per scheme, the per-floor chart and the per-unit table side by side. */
function Comparison({
  answer,
  canSave,
  onSave,
}: {
  answer: WhatIfAnswer;
  canSave: boolean;
  onSave: (s: WhatIfScheme, i: number) => void;
}) {
  const w = useWords();
  const rows = [...answer.units].sort(
    (a, b) => b.floor - a.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
  );
  const shareOf = (s: WhatIfScheme, unitId: string) => s.shares.find((x) => x.unitId === unitId);
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={<h2 className="jw-card-title">{w.summary}</h2>}>
        <Row gutter={[16, 16]}>
          {answer.schemes.map((s, i) => (
            <Col key={i} xs={24} sm={12} xl={24 / answer.schemes.length}>
              <section className="jw-money-summary" aria-label={s.name} data-testid={`summary-${i}`}>
                <h3>{s.name}</h3>
                <Statistic title={w.amountToShare} value={formatYuan(s.amountToShareFen)} suffix={w.yuan} />
                <p>
                  {w.subsidyAmount}：{formatYuan(s.subsidyFen)} {w.yuan}
                </p>
                <p data-testid={`spread-${i}`}>
                  {w.spread}：<strong>{formatYuan(s.spreadFen)}</strong> {w.yuan}
                </p>
                {canSave && (
                  <Button onClick={() => onSave(s, i)} data-testid={`save-${i}`}>
                    {w.saveDraft}
                  </Button>
                )}
              </section>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={<h2 className="jw-card-title">{w.perFloor}</h2>}>
        <PerFloorChart schemes={answer.schemes} />
      </Card>
      <Card size="small" title={<h2 className="jw-card-title">{w.perUnit}</h2>}>
        <Table
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="what-if-table"
          columns={[
            { key: 'room', title: w.room, dataIndex: 'room', fixed: 'left' },
            { key: 'floor', title: w.floor, dataIndex: 'floor', align: 'right' },
            { key: 'area', title: w.area, dataIndex: 'areaM2', align: 'right' },
            ...answer.schemes.map((s, i) => ({
              key: `s${i}`,
              title: s.name,
              align: 'right' as const,
              render: (_: unknown, u: { id: string }) => {
                const x = shareOf(s, u.id);
                if (!x) return '—';
                return (
                  <>
                    <Yuan fen={x.shareFen} />
                    {x.compensationFen > 0 && (
                      <div className="jw-money-sub">
                        {w.compensation} <Yuan fen={x.compensationFen} />
                      </div>
                    )}
                  </>
                );
              },
            })),
          ]}
        />
      </Card>
    </Flex>
  );
}

function SaveDraft({
  projectId,
  scheme,
  base,
  onClose,
}: {
  projectId: string;
  scheme: WhatIfScheme;
  base: PlanBase | null;
  onClose: () => void;
}) {
  const w = useWords();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [name, setName] = useState(scheme.name);
  const save = useApiMutation((body: Body<'/api/v1/projects/{id}/cost-plans'>) =>
    answer(api.POST('/api/v1/projects/{id}/cost-plans', { params: { path: { id: projectId } }, body })),
  );
  const id = useId();
  const close = useConfirmDiscard(onClose);
  return (
    <Modal
      open
      title={w.saveTitle}
      okText={w.saveDraft}
      onCancel={() => close(name !== scheme.name)}
      confirmLoading={save.isPending}
      onOk={() => {
        if (!base) return;
        save.mutate(
          { ...base, name: name.trim() || scheme.name, scheme: scheme.scheme },
          {
            onSuccess: () => {
              void message.success(w.saved);
              onClose();
            },
          },
        );
      }}
    >
      <label htmlFor={id}>{w.planName}</label>
      <Input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
      <p style={{ marginTop: 12 }}>
        {w.kinds[scheme.scheme.kind]} · {w.amountToShare} {formatYuan(scheme.amountToShareFen)} {w.yuan}
      </p>
      {save.error && <Alert type="error" showIcon title={errorText(save.error)} />}
    </Modal>
  );
}
