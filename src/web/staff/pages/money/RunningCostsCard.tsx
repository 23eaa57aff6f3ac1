import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { DatePicker } from '../../components/DatePicker.ts';
import { useEffect, useState } from 'react';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { StairwellDetail } from '../../../shared/types.ts';
import { formatYuan, parseYuan } from '../../../shared/yuan.ts';
import { WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useToday } from '../../session.tsx';
import { SCHEME_KINDS, type RunningBill, type Scheme, type SchemeKind } from './types.ts';
import { PAYMENT_METHODS } from '../../../../core/money/payments.ts';
import { presetFor } from './WhatIfPanel.tsx';
import { hiddenTitle } from './MoneyTag.tsx';
import { formProblem, useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';
import { Yuan } from '../../components/cells.tsx';

/** Yearly running costs: the items, the scheme that shares them, each household's bill and its collection. */
export function RunningCostsCard({
  projectId,
  stairwell,
  canEdit,
}: {
  projectId: string;
  stairwell: StairwellDetail;
  canEdit: boolean;
}) {
  const w = useWords();
  const errorText = useErrorText();
  const today = useToday();
  const years = $api.useQuery('get', '/api/v1/projects/{id}/running-costs', {
    params: { path: { id: projectId } },
  });
  const [adding, setAdding] = useState(false);
  const [collecting, setCollecting] = useState<{ bill: RunningBill; year: number } | null>(null);
  const list = years.data?.years ?? [];
  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.runningYearly}</h2>}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {w.addYear}
          </Button>
        )
      }
    >
      {years.error && <Alert type="warning" showIcon title={errorText(years.error)} />}
      {!years.error && list.length === 0 && <Empty description={w.runningNone} />}
      <Flex vertical gap={16}>
        {list.map((y) => (
          <section key={y.id} aria-labelledby={`rc-${y.id}`}>
            <h3 id={`rc-${y.id}`} className="jw-money-year">
              {y.year} · {w.total} {formatYuan(y.totalFen)} {w.yuan} · {w.paid} {formatYuan(y.collectedFen)}{' '}
              {w.yuan} · {w.kinds[y.scheme.kind]}
            </h3>
            <Typography.Paragraph>
              {y.items.map((i) => `${i.label} ${formatYuan(i.fen)}`).join('；')}
            </Typography.Paragraph>
            <Table<RunningBill>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[...y.bills].sort(
                (a, b) => b.floor - a.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
              )}
              columns={[
                { key: 'room', title: w.room, dataIndex: 'room' },
                {
                  key: 'due',
                  title: w.amountDue,
                  align: 'right',
                  render: (_, b) => <Yuan fen={b.amountFen} />,
                },
                { key: 'paid', title: w.paid, align: 'right', render: (_, b) => <Yuan fen={b.paidFen} /> },
                {
                  key: 'out',
                  title: w.outstanding,
                  align: 'right',
                  render: (_, b) => (
                    <strong>
                      <Yuan fen={b.amountFen - b.paidFen} />
                    </strong>
                  ),
                },
                {
                  key: 'receipts',
                  title: w.receipts,
                  render: (_, b) => (
                    <ul className="jw-plain-list jw-receipts">
                      {b.payments.map((p) => (
                        <li
                          key={p.receiptNo}
                        >{`${p.paidOn} ${w.methods[p.method]} ${formatYuan(p.amountFen)} · ${p.receiptNo}`}</li>
                      ))}
                    </ul>
                  ),
                },
                {
                  key: 'act',
                  title: hiddenTitle(w.actions),
                  render: (_, b) =>
                    canEdit &&
                    b.amountFen > b.paidFen && (
                      <Button
                        size="small"
                        onClick={() => setCollecting({ bill: b, year: y.year })}
                        aria-label={`${b.room} ${w.collect}`}
                      >
                        {w.collect}
                      </Button>
                    ),
                },
              ]}
            />
          </section>
        ))}
      </Flex>
      <AddYear
        projectId={projectId}
        floors={Math.max(stairwell.floors, ...stairwell.units.map((u) => u.floor))}
        // the year after the last one recorded (a year is billed once), or this year
        year={list.length ? Math.max(...list.map((y) => y.year)) + 1 : today.year}
        open={adding}
        onClose={() => setAdding(false)}
      />
      <Collect target={collecting} onClose={() => setCollecting(null)} />
    </Card>
  );
}

function AddYear({
  projectId,
  floors,
  year,
  open,
  onClose,
}: {
  projectId: string;
  floors: number;
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const presets = () => w.itemPresets.map((label) => ({ label, yuan: '' }));
  const [items, setItems] = useState(presets);
  const [kind, setKind] = useState<SchemeKind>('equal');
  const [exempt, setExempt] = useState<number[]>(floors > 2 ? [1] : []);
  // a fresh sheet each time the dialog opens (the form fields are reset by WriteModal; these lines are state)
  useEffect(() => {
    if (!open) return;
    setItems(presets());
    setKind('equal');
    setExempt(floors > 2 ? [1] : []);
    // only when the dialog opens
  }, [open]);
  const save = useApiMutation((body: Body<'/api/v1/projects/{id}/running-costs'>) =>
    answer(api.POST('/api/v1/projects/{id}/running-costs', { params: { path: { id: projectId } }, body })),
  );
  const floorList = Array.from({ length: floors }, (_, i) => i + 1);
  const scheme = (): Scheme =>
    kind === 'floor-coefficient-area'
      ? { kind, coefficients: presetFor(floors) }
      : kind === 'floor-percent'
        ? { kind: 'area', exemptFloors: exempt }
        : { kind, exemptFloors: exempt };
  return (
    <WriteModal
      open={open}
      title={w.addYear}
      fieldNames={['year']}
      initialValues={{ year }}
      submit={async (v) => {
        // a line left without an amount is a cost the year did not have
        const lines = items.flatMap((i, n) => {
          if (!i.yuan.trim()) return [];
          const fen = parseYuan(i.yuan);
          if (fen === null) throw formProblem(w.badAmount(i.label.trim() || `${w.items} ${n + 1}`));
          if (!i.label.trim()) throw formProblem(w.itemNeedsLabel(n + 1));
          return [{ label: i.label.trim(), fen }];
        });
        if (lines.length === 0) throw formProblem(w.needItems);
        // the year is the form's (antd: untyped), a required number field; the route's schema checks it
        await save.mutateAsync({ year: v.year as number, items: lines, scheme: scheme() });
      }}
      onClose={onClose}
    >
      <Form.Item
        name="year"
        label={w.year}
        rules={rules.number(w.year, { required: true, min: 2000, max: 2100 })}
      >
        <InputNumber min={2000} max={2100} style={{ width: 140 }} />
      </Form.Item>
      <fieldset className="jw-money-fieldset">
        <legend>{w.items}</legend>
        {items.map((r, i) => (
          <Flex key={i} gap={8} className="jw-money-line">
            <Input
              aria-label={`${w.items} ${i + 1} ${w.label}`}
              className="jw-money-line__label"
              value={r.label}
              onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
            />
            <Input
              aria-label={`${w.items} ${i + 1} ${w.amountYuan}`}
              placeholder={w.amountYuan}
              inputMode="decimal"
              className="jw-money-line__amount"
              value={r.yuan}
              onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, yuan: e.target.value } : x)))}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={`${w.remove} ${i + 1}`}
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            />
          </Flex>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setItems([...items, { label: '', yuan: '' }])}>
          {w.addLine}
        </Button>
      </fieldset>
      <Form.Item label={w.kind}>
        <Select
          aria-label={w.kind}
          value={kind}
          onChange={setKind}
          options={SCHEME_KINDS.filter((k) => k !== 'floor-percent').map((k) => ({
            value: k,
            label: w.kinds[k],
          }))}
        />
      </Form.Item>
      {kind !== 'floor-coefficient-area' && (
        <div role="group" aria-label={w.exemptFloors} className="jw-money-exempt">
          <div className="jw-money-exempt__label">{w.exemptFloors}</div>
          <Checkbox.Group
            value={exempt}
            onChange={(v) => setExempt(v)}
            options={floorList.map((f) => ({ value: f, label: w.floorN(f) }))}
          />
        </div>
      )}
    </WriteModal>
  );
}

function Collect({
  target,
  onClose,
}: {
  target: { bill: RunningBill; year: number } | null;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const pay = useApiMutation((v: { id: string; body: Body<'/api/v1/running-bills/{id}/payments'> }) =>
    answer(api.POST('/api/v1/running-bills/{id}/payments', { params: { path: { id: v.id } }, body: v.body })),
  );
  const due = target ? target.bill.amountFen - target.bill.paidFen : 0;
  return (
    <WriteModal
      open={target !== null}
      title={target ? w.collectTitle(target.bill.room, target.year) : ''}
      // the server's amountFen is the form's "amount" in yuan: its error shows above the buttons
      fieldNames={['paidOn', 'method', 'receiptNo']}
      initialValues={{ amount: formatYuan(due, false), paidOn: today.day, method: 'cash' }}
      submit={async (v) => {
        const amountFen = parseYuan(typeof v.amount === 'string' ? v.amount : '');
        if (!amountFen) throw formProblem(w.badAmount(w.amountYuan));
        // the form's values are untyped (antd): cast to the route's body here, checked by its schema
        await pay.mutateAsync({
          id: target!.bill.id,
          body: {
            amountFen,
            paidOn: (v.paidOn as Dayjs).format('YYYY-MM-DD'),
            method: v.method,
            receiptNo: v.receiptNo,
          } as Body<'/api/v1/running-bills/{id}/payments'>,
        });
      }}
      onClose={onClose}
    >
      <Form.Item
        name="amount"
        label={w.amountYuan}
        extra={target ? w.collectDue(formatYuan(due)) : undefined}
        rules={[
          {
            required: true,
            validator: (_, v: unknown) => {
              const fen = parseYuan(typeof v === 'string' ? v : '');
              if (!fen) return Promise.reject(new Error(w.badAmount(w.amountYuan)));
              if (fen > due) return Promise.reject(new Error(w.collectTooMuch(formatYuan(due))));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="paidOn" label={w.paidOn} rules={rules.choice(w.paidOn, { required: true })}>
        <DatePicker style={{ width: '100%' }} disabledDate={today.isAfterToday} />
      </Form.Item>
      <Form.Item name="method" label={w.method} rules={rules.choice(w.method, { required: true })}>
        <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: w.methods[m] }))} />
      </Form.Item>
      <Form.Item
        name="receiptNo"
        label={w.receiptNo}
        rules={rules.text(w.receiptNo, { required: true, max: 40 })}
      >
        <Input maxLength={40} />
      </Form.Item>
    </WriteModal>
  );
}
