import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api.ts';
import { formatYuan } from '../../../shared/yuan.ts';
import { WriteModal } from '../../components/WriteModal.tsx';
import { useApiMutation, useApiQuery, useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { CLAIM_STATUSES, type ClaimStatus, type SubsidyClaim } from './types.ts';
import { useWords } from './words.ts';


const dateKey = (s: ClaimStatus) => `${s}On` as const;

/** The subsidy claim: the amount from the adopted plan, its status with the date of each step. */
export function SubsidyClaimCard({ projectId, hasPlan }: { projectId: string; hasPlan: boolean }) {
  const w = useWords();
  const errorText = useErrorText();
  const { canWrite } = useSession();
  const [editing, setEditing] = useState(false);
  const claim = useApiQuery<SubsidyClaim>(hasPlan ? `/api/v1/projects/${projectId}/subsidy-claim` : null);
  const save = useApiMutation((body: Record<string, unknown>) => api('PUT', `/api/v1/projects/${projectId}/subsidy-claim`, body));
  const data = claim.data;
  const c = data?.claim ?? null;
  return (
    <Card size="small" title={<h2 className="jw-card-title">{w.claim}</h2>} extra={data?.amountFen != null && canWrite && <Button onClick={() => setEditing(true)}>{c ? w.claimEdit : w.claimStart}</Button>}>
      {(!hasPlan || data?.amountFen == null) && <Typography.Text>{w.claimNone}</Typography.Text>}
      {data?.amountFen != null && !c && (
        <Descriptions size="small" column={1} items={[{ key: 'a', label: w.claimAmount, children: <strong data-testid="claim-amount">{formatYuan(data.amountFen)} {w.yuan}</strong> }, { key: 's', label: w.claimStatus, children: w.claimNotStarted }]} />
      )}
      {claim.error && <Alert type="warning" showIcon title={errorText(claim.error)} />}
      {data?.amountFen != null && c && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'a', label: w.claimAmount, children: <strong data-testid="claim-amount">{formatYuan(data.amountFen)} {w.yuan}</strong> },
              { key: 's', label: w.claimStatus, children: w.claimStatuses[c.status] },
              ...(c.grantedFen !== null ? [{ key: 'g', label: w.granted, children: `${formatYuan(c.grantedFen)} ${w.yuan}` }] : []),
              ...(c.note ? [{ key: 'n', label: w.note, children: c.note }] : []),
            ]}
          />
          <Steps
            size="small"
            style={{ marginTop: 16 }}
            current={CLAIM_STATUSES.indexOf(c.status)}
            items={CLAIM_STATUSES.map((s) => ({ title: w.claimStatuses[s], content: c[dateKey(s)] ?? '—' }))}
          />
        </>
      )}
      {data?.amountFen != null && (
        <WriteModal
          open={editing}
          title={c ? w.claimEdit : w.claimStart}
          fieldNames={['status', 'preparedOn', 'submittedOn', 'approvedOn', 'receivedOn', 'note']}
          initialValues={{
            status: c?.status ?? 'prepared',
            note: c?.note ?? '',
            ...Object.fromEntries(CLAIM_STATUSES.map((s) => [dateKey(s), c?.[dateKey(s)] ? dayjs(c[dateKey(s)]) : s === 'prepared' ? dayjs() : undefined])),
          }}
          submit={async (v) => {
            const body: Record<string, unknown> = { status: v.status, note: v.note ?? '' };
            for (const s of CLAIM_STATUSES) {
              const d = v[dateKey(s)] as dayjs.Dayjs | undefined;
              body[dateKey(s)] = d ? d.format('YYYY-MM-DD') : null;
            }
            await save.mutateAsync(body);
          }}
          onClose={() => setEditing(false)}
        >
          <Form.Item name="status" label={w.claimStatus} rules={[{ required: true }]}>
            <Select options={CLAIM_STATUSES.map((s) => ({ value: s, label: w.claimStatuses[s] }))} />
          </Form.Item>
          {CLAIM_STATUSES.map((s) => (
            <Form.Item key={s} name={dateKey(s)} label={w.claimDates[s]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item name="note" label={w.note}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </WriteModal>
      )}
    </Card>
  );
}
