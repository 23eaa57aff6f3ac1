import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DatePicker } from '../../components/DatePicker.ts';
import { useState, type ChangeEvent } from 'react';
import { answer, api, type Body } from '../../../shared/api.ts';
import { ElevationDiagram, type LegendItem } from '../../../shared/ElevationDiagram.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { StairwellDetail } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { formatYuan, parseYuan } from '../../../shared/yuan.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession, useToday } from '../../session.tsx';
import { postForm } from '../consent/postForm.ts';
import { PAYMENT_METHODS } from '../../../../core/money/payments.ts';
import { costLines, lineLabel } from '../../../../core/money/breakdown.ts';
import {
  type PayState,
  type PaymentStatus,
  type PaymentUnit,
  type PlanDetail,
  type ShareRow,
} from './types.ts';
import { MoneyTag, PLAN_TONE, hiddenTitle } from './MoneyTag.tsx';
import { formProblem, useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';
import { Yuan } from '../../components/cells.tsx';

export const PAY_COLORS: Record<PayState, string> = {
  paid: '#1b6e3a',
  partial: '#ffd666',
  unpaid: '#a4262c',
  exempt: '#e8e8e8',
};
const PAY_ORDER: PayState[] = ['paid', 'partial', 'unpaid', 'exempt'];

/** One plan: its figures and shares; once adopted, sign-offs, agreements, payments, arrears and the diagram. */
export function PlanPanel({
  planId,
  stairwell,
  canEdit,
}: {
  planId: string;
  stairwell: StairwellDetail;
  canEdit: boolean;
}) {
  const detail = $api.useQuery('get', '/api/v1/cost-plans/{id}', { params: { path: { id: planId } } });
  const frozen = detail.data && detail.data.plan.status !== 'draft';
  const payments = $api.useQuery(
    'get',
    '/api/v1/cost-plans/{id}/payments',
    { params: { path: { id: planId } } },
    { enabled: Boolean(frozen) },
  );
  return (
    <QueryState isLoading={detail.isLoading || !detail.data} error={detail.error}>
      {() => (
        <Plan
          detail={detail.data!}
          payments={frozen ? (payments.data ?? null) : null}
          stairwell={stairwell}
          canEdit={canEdit}
        />
      )}
    </QueryState>
  );
}

function Plan({
  detail,
  payments,
  stairwell,
  canEdit,
}: {
  detail: PlanDetail;
  payments: PaymentStatus | null;
  stairwell: StairwellDetail;
  canEdit: boolean;
}) {
  const w = useWords();
  const { lang } = useLang();
  const { plan } = detail;
  const [signing, setSigning] = useState<ShareRow | null>(null);
  const [paying, setPaying] = useState<string | null | undefined>(undefined);
  const frozen = plan.status !== 'draft';
  const payOf = new Map((payments?.units ?? []).map((u) => [u.unitId, u]));
  const rows = [...detail.shares].sort(
    (a, b) => b.floor - a.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
  );
  // every household signs the agreement, those exempt from paying included
  const signedCount = rows.filter((r) => r.signedAt).length;
  const title = `${stairwell.estateName} ${stairwell.buildingName} ${stairwell.name}`;
  const legend: LegendItem[] = PAY_ORDER.map((s) => ({ key: s, color: PAY_COLORS[s], label: w.payState[s] }));
  const diagramUnits = rows.map((r) => ({ id: r.unitId, floor: r.floor, room: r.room, areaM2: r.areaM2 }));

  return (
    <Flex vertical gap={16} data-testid="plan-panel">
      <Card
        size="small"
        title={<h2 className="jw-card-title">{`${w.version(plan.version)} ${plan.name}`}</h2>}
        extra={<MoneyTag tone={PLAN_TONE[plan.status]}>{w.status[plan.status]}</MoneyTag>}
      >
        <PlanLines plan={plan} />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'k', label: w.kind, children: w.kinds[plan.scheme.kind] },
            ...(plan.adoptedAt && plan.adoptedByName
              ? [
                  {
                    key: 'by',
                    label: w.status.adopted,
                    children: w.adoptedBy(plan.adoptedByName, formatDateTime(plan.adoptedAt, lang)),
                  },
                ]
              : []),
          ]}
        />
        {frozen && (
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/cost-plans/${plan.id}/agreement.docx`}
              download
            >
              {w.agreementWhole}
            </Button>
            <Button icon={<DownloadOutlined />} href={`/api/v1/cost-plans/${plan.id}/payments.xlsx`} download>
              {w.excel}
            </Button>
            {payments && (
              <Typography.Text style={{ alignSelf: 'center' }} data-testid="pay-totals">
                {w.totals(formatYuan(payments.totals.paidFen), formatYuan(payments.totals.shareFen))} ·{' '}
                {w.signedCount(signedCount, rows.length)}
              </Typography.Text>
            )}
          </Flex>
        )}
      </Card>

      <Card
        size="small"
        title={<h2 className="jw-card-title">{frozen ? w.shares : w.perUnit}</h2>}
        extra={
          frozen &&
          canEdit &&
          plan.status === 'adopted' && (
            <Button type="primary" onClick={() => setPaying(null)}>
              {w.recordPayment}
            </Button>
          )
        }
      >
        <Table<ShareRow>
          rowKey="unitId"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="shares-table"
          columns={[
            { key: 'room', title: w.room, dataIndex: 'room', fixed: 'left' },
            { key: 'floor', title: w.floor, dataIndex: 'floor', align: 'right' },
            { key: 'area', title: w.area, dataIndex: 'areaM2', align: 'right' },
            {
              key: 'share',
              title: `${w.share}（${w.yuan}）`,
              align: 'right',
              render: (_, r) => (
                <strong>
                  <Yuan fen={r.shareFen} />
                </strong>
              ),
            },
            {
              key: 'comp',
              title: w.compensation,
              align: 'right',
              render: (_, r) => (r.compensationFen ? <Yuan fen={r.compensationFen} /> : '—'),
            },
            ...(frozen
              ? [
                  {
                    key: 'paid',
                    title: w.paid,
                    align: 'right' as const,
                    render: (_: unknown, r: ShareRow) => <Yuan fen={payOf.get(r.unitId)?.paidFen ?? 0} />,
                  },
                  {
                    key: 'state',
                    title: w.payments,
                    render: (_: unknown, r: ShareRow) => <PayTag unit={payOf.get(r.unitId)} />,
                  },
                  {
                    key: 'signed',
                    title: w.signed,
                    render: (_: unknown, r: ShareRow) =>
                      r.signedAt ? (
                        <MoneyTag tone="green" testId={`signed-${r.room}`}>
                          {r.signedChannel === 'online' ? w.signedOnline : w.signedPaper}
                        </MoneyTag>
                      ) : r.shareFen > 0 && canEdit && plan.status === 'adopted' ? (
                        <Button
                          size="small"
                          icon={<UploadOutlined />}
                          onClick={() => setSigning(r)}
                          aria-label={`${r.room} ${w.uploadSignOff}`}
                        >
                          {w.uploadSignOff}
                        </Button>
                      ) : (
                        <Typography.Text type="secondary">
                          {r.shareFen > 0 ? w.notSigned : '—'}
                        </Typography.Text>
                      ),
                  },
                  {
                    key: 'doc',
                    title: w.agreementUnit,
                    render: (_: unknown, r: ShareRow) => (
                      <a
                        href={`/api/v1/cost-plans/${plan.id}/agreement/${r.unitId}/docx`}
                        download
                        aria-label={`${r.room} ${w.agreementUnit}（Word）`}
                      >
                        {w.download}
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {frozen && payments && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 className="jw-card-title">{w.diagram}</h2>}>
              <ElevationDiagram
                floors={Math.max(stairwell.floors, ...diagramUnits.map((u) => u.floor))}
                units={diagramUnits}
                caption={w.diagramCaption(title)}
                cellColor={(u) => PAY_COLORS[payOf.get(u.id)?.state ?? 'unpaid']}
                cellNote={(u) => w.payState[payOf.get(u.id)?.state ?? 'unpaid']}
                legend={legend}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 className="jw-card-title">{w.arrears}</h2>}>
              {payments.arrears.length === 0 ? (
                <Typography.Text>{w.noArrears}</Typography.Text>
              ) : (
                <Table<PaymentUnit>
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  dataSource={payments.arrears}
                  scroll={{ x: 'max-content' }}
                  data-testid="arrears"
                  columns={[
                    { key: 'room', title: w.room, dataIndex: 'room' },
                    { key: 'owners', title: w.owners, render: (_, u) => u.owners.join('、') || '—' },
                    {
                      key: 'share',
                      title: w.amountDue,
                      align: 'right',
                      render: (_, u) => <Yuan fen={u.shareFen} />,
                    },
                    {
                      key: 'out',
                      title: w.outstanding,
                      align: 'right',
                      render: (_, u) => (
                        <strong>
                          <Yuan fen={u.outstandingFen} />
                        </strong>
                      ),
                    },
                    {
                      key: 'act',
                      title: hiddenTitle(w.actions),
                      render: (_, u) =>
                        canEdit &&
                        plan.status === 'adopted' && (
                          <Button
                            size="small"
                            onClick={() => setPaying(u.unitId)}
                            aria-label={`${u.room} ${w.recordPayment}`}
                          >
                            {w.recordPayment}
                          </Button>
                        ),
                    },
                  ]}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
      <SignOffModal planId={plan.id} share={signing} onClose={() => setSigning(null)} />
      <PaymentModal
        planId={plan.id}
        open={paying !== undefined}
        unitId={paying ?? null}
        rows={rows}
        onClose={() => setPaying(undefined)}
      />
    </Flex>
  );
}

/** The plan's sum line by line, in the order and words of the agreement and of the owner's page. */
function PlanLines({ plan }: { plan: PlanDetail['plan'] }) {
  const w = useWords();
  const { pick } = useLang();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="plan-lines"
      className="jw-plan-lines"
      items={costLines(plan).map((l, i) => {
        const amount = (
          <>
            <Yuan fen={l.fen} /> {w.yuan}
          </>
        );
        return {
          key: i,
          label: (
            <>
              {pick(lineLabel(l))}
              {l.note && (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {pick(l.note)}
                </Typography.Text>
              )}
            </>
          ),
          children:
            l.key === 'owners-share' ? (
              <strong data-testid="plan-amount">{amount}</strong>
            ) : l.sign === 'total' ? (
              <strong>{amount}</strong>
            ) : (
              amount
            ),
        };
      })}
    />
  );
}

function PayTag({ unit }: { unit: PaymentUnit | undefined }) {
  const w = useWords();
  if (!unit) return null;
  const tone = ({ paid: 'green', partial: 'gold', unpaid: 'red', exempt: 'grey' } as const)[unit.state];
  return <MoneyTag tone={tone}>{w.payState[unit.state]}</MoneyTag>;
}

function SignOffModal({
  planId,
  share,
  onClose,
}: {
  planId: string;
  share: ShareRow | null;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const { csrfToken } = useSession();
  const upload = useApiMutation((v: { unitId: string; file: File }) =>
    postForm('/api/v1/cost-plans/{id}/sign-offs', { id: planId }, csrfToken, { unitId: v.unitId }, v.file),
  );
  return (
    <WriteModal
      open={share !== null}
      title={share ? w.signOffTitle(share.room) : ''}
      // the scan is a form field: the server's complaint about it shows under it, and goes when another file is chosen
      fieldNames={['file']}
      submit={async (v) => {
        if (!(v.file instanceof File)) throw formProblem(w.needScan);
        await upload.mutateAsync({ unitId: share!.unitId, file: v.file });
      }}
      onClose={onClose}
    >
      <Form.Item
        name="file"
        label={w.scan}
        rules={rules.choice(w.scan, { required: true })}
        getValueFromEvent={(e: { target: HTMLInputElement }) => e.target.files?.[0] ?? undefined}
        extra={w.scanKinds}
      >
        {/* a fresh input per household and per opening: a scan chosen for one is never sent for the next */}
        <ScanInput key={share?.unitId ?? 'closed'} />
      </Form.Item>
    </WriteModal>
  );
}

/** A native file input inside a Form.Item: the form keeps the File; the input cannot be given a value back. */
function ScanInput({
  id,
  onChange,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
}: {
  id?: string;
  onChange?: (e: ChangeEvent<HTMLInputElement>) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}) {
  return (
    <input
      id={id}
      type="file"
      accept="image/png,image/jpeg,application/pdf"
      className="jw-file-input"
      onChange={onChange}
      aria-describedby={describedBy}
      aria-invalid={invalid}
    />
  );
}

function PaymentModal({
  planId,
  open,
  unitId,
  rows,
  onClose,
}: {
  planId: string;
  open: boolean;
  unitId: string | null;
  rows: ShareRow[];
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const pay = useApiMutation((body: Body<'/api/v1/cost-plans/{id}/payments'>) =>
    answer(api.POST('/api/v1/cost-plans/{id}/payments', { params: { path: { id: planId } }, body })),
  );
  return (
    <WriteModal
      open={open}
      title={w.paymentTitle}
      // the server's amountFen is the form's "amount" in yuan: its error shows above the buttons
      fieldNames={['unitId', 'paidOn', 'method', 'receiptNo']}
      initialValues={{ unitId: unitId ?? undefined, paidOn: today.day, method: 'bank' }}
      submit={async (v) => {
        // the form's values are untyped (antd): cast to the route's body here, checked by its schema
        await pay.mutateAsync({
          unitId: v.unitId,
          amountFen: parseYuan(typeof v.amount === 'string' ? v.amount : ''),
          paidOn: (v.paidOn as Dayjs).format('YYYY-MM-DD'),
          method: v.method,
          receiptNo: v.receiptNo,
        } as Body<'/api/v1/cost-plans/{id}/payments'>);
      }}
      onClose={onClose}
    >
      <Form.Item name="unitId" label={w.unit} rules={rules.choice(w.unit, { required: true })}>
        <Select
          options={rows
            .filter((r) => r.shareFen > 0)
            .map((r) => ({ value: r.unitId, label: `${r.room} · ${formatYuan(r.shareFen)}` }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={w.amountYuan}
        rules={[
          {
            required: true,
            validator: (_, v) =>
              parseYuan(typeof v === 'string' ? v : '')
                ? Promise.resolve()
                : Promise.reject(new Error(w.badAmount(w.amountYuan))),
          },
        ]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="paidOn" label={w.paidOn} rules={rules.choice(w.paidOn, { required: true })}>
        <DatePicker style={{ width: '100%' }} />
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
