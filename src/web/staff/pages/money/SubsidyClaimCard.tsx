import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Steps,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker } from '../../components/DatePicker.ts';
import { useState } from 'react';
import { answer, api, type Body } from '../../../shared/api.ts';
import { formatYuan, parseYuan, yuanInput } from '../../../shared/yuan.ts';
import { WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useToday } from '../../session.tsx';
import { CLAIM_STATUSES, type ClaimStatus } from './types.ts';
import { useWords } from './words.ts';
import { DocumentsPanel } from '../projects/DocumentsPanel.tsx';
import { useRules } from '../../components/rules.ts';

type ClaimChange = Body<'/api/v1/projects/{id}/subsidy-claim', 'put'>;

const dateKey = (s: ClaimStatus) => `${s}On` as const;
/** The steps after preparing are recorded from the acceptance stage on (the server refuses them earlier). */
const CLAIMABLE_STAGES = ['acceptance', 'in_service'];

/** The subsidy claim: the amount from the adopted plan, its status with the date of each step. */
export function SubsidyClaimCard({
  projectId,
  hasPlan,
  canEdit,
}: {
  projectId: string;
  hasPlan: boolean;
  canEdit: boolean;
}) {
  const w = useWords();
  const errorText = useErrorText();
  const today = useToday();
  const [editing, setEditing] = useState(false);
  const claim = $api.useQuery(
    'get',
    '/api/v1/projects/{id}/subsidy-claim',
    { params: { path: { id: projectId } } },
    { enabled: hasPlan },
  );
  const save = useApiMutation((body: ClaimChange) =>
    answer(api.PUT('/api/v1/projects/{id}/subsidy-claim', { params: { path: { id: projectId } }, body })),
  );
  const data = claim.data;
  const c = data?.claim ?? null;
  const claimable = data ? CLAIMABLE_STAGES.includes(data.stage) : false;
  const amount = data?.amountFen != null && {
    key: 'a',
    label: w.claimAmount,
    children: (
      <strong data-testid="claim-amount">
        {formatYuan(data.amountFen)} {w.yuan}
      </strong>
    ),
  };
  const basis = data?.planVersion != null && {
    key: 'p',
    label: w.claimBasis,
    children: w.claimBasisText(data.planVersion),
  };
  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.claim}</h2>}
      extra={
        data?.amountFen != null &&
        canEdit && <Button onClick={() => setEditing(true)}>{c ? w.claimEdit : w.claimStart}</Button>
      }
    >
      {(!hasPlan || (data && data.amountFen == null)) && <Typography.Text>{w.claimNone}</Typography.Text>}
      {claim.error && <Alert type="warning" showIcon title={errorText(claim.error)} />}
      {data?.amountFen != null && !c && (
        <Descriptions
          size="small"
          column={1}
          items={[
            amount || [],
            basis || [],
            {
              key: 's',
              label: w.claimStatus,
              children: <span data-testid="claim-status">{w.claimNotStarted}</span>,
            },
          ].flat()}
        />
      )}
      {data?.amountFen != null && c && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              amount || [],
              {
                key: 's',
                label: w.claimStatus,
                children: <span data-testid="claim-status">{w.claimStatuses[c.status]}</span>,
              },
              basis || [],
              ...(c.grantedFen !== null
                ? [
                    {
                      key: 'g',
                      label: w.granted,
                      children: (
                        <span data-testid="claim-granted">{`${formatYuan(c.grantedFen)} ${w.yuan}`}</span>
                      ),
                    },
                  ]
                : []),
              ...(c.note ? [{ key: 'n', label: w.note, children: c.note }] : []),
            ].flat()}
          />
          <Steps
            size="small"
            className="jw-money-steps"
            style={{ marginTop: 16 }}
            current={CLAIM_STATUSES.indexOf(c.status)}
            items={CLAIM_STATUSES.map((s) => ({ title: w.claimStatuses[s], content: c[dateKey(s)] ?? '—' }))}
            data-testid="claim-steps"
          />
        </>
      )}
      {data?.amountFen != null && (
        // the claim's papers: the project's document library, category "subsidy"
        <section aria-labelledby="jw-claim-papers" className="jw-claim-papers">
          <h3 id="jw-claim-papers" className="jw-card-title">
            {w.claimPapers}
          </h3>
          <DocumentsPanel projectId={projectId} canEdit={canEdit} category="subsidy" />
        </section>
      )}
      {data?.amountFen != null && (
        <WriteModal
          open={editing}
          title={c ? w.claimEdit : w.claimStart}
          fieldNames={['status', 'preparedOn', 'submittedOn', 'approvedOn', 'receivedOn', 'note']}
          initialValues={{
            status: c?.status ?? 'prepared',
            note: c?.note ?? '',
            granted: c?.grantedFen != null ? yuanInput(c.grantedFen) : '',
            ...Object.fromEntries(
              CLAIM_STATUSES.map((s) => [
                dateKey(s),
                c?.[dateKey(s)] ? dayjs(c[dateKey(s)]) : s === 'prepared' ? today.day : undefined,
              ]),
            ),
          }}
          submit={async (v) => {
            const status = v.status as ClaimStatus;
            const reached = CLAIM_STATUSES.indexOf(status);
            const body: Record<string, unknown> = { status, note: v.note ?? '' };
            // the dates of the steps not reached are cleared: a claim moved back does not keep a later date
            CLAIM_STATUSES.forEach((s, i) => {
              const d = v[dateKey(s)] as Dayjs | undefined;
              body[dateKey(s)] = d && i <= reached ? d.format('YYYY-MM-DD') : null;
            });
            const granted = typeof v.granted === 'string' ? v.granted.trim() : '';
            body.grantedFen =
              reached >= CLAIM_STATUSES.indexOf('approved') && granted ? parseYuan(granted) : null;
            // the form's values are untyped (antd): cast to the route's body here, checked by its schema
            await save.mutateAsync(body as ClaimChange);
          }}
          onClose={() => setEditing(false)}
        >
          {(form) => <ClaimFields form={form} claimable={claimable} />}
        </WriteModal>
      )}
    </Card>
  );
}

/** The status as a row of choices, the date of every step reached (in order, not after today), the amount granted. */
function ClaimFields({
  form,
  claimable,
}: {
  form: FormInstance<Record<string, unknown>>;
  claimable: boolean;
}) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const status = (Form.useWatch('status', form) as ClaimStatus | undefined) ?? 'prepared';
  const reached = CLAIM_STATUSES.indexOf(status);
  return (
    <>
      <Form.Item
        name="status"
        label={w.claimStatus}
        rules={rules.choice(w.claimStatus, { required: true })}
        extra={claimable ? undefined : w.claimLaterSteps}
      >
        <Radio.Group
          aria-label={w.claimStatus}
          optionType="button"
          buttonStyle="solid"
          className="jw-money-choices"
          options={CLAIM_STATUSES.map((s) => ({
            value: s,
            label: w.claimStatuses[s],
            disabled: !claimable && s !== 'prepared',
          }))}
        />
      </Form.Item>
      {CLAIM_STATUSES.slice(0, reached + 1).map((s, i) => {
        const previous = i > 0 ? CLAIM_STATUSES[i - 1]! : null;
        return (
          <Form.Item
            key={s}
            name={dateKey(s)}
            label={w.claimDates[s]}
            dependencies={previous ? [dateKey(previous)] : []}
            rules={[
              ...rules.choice(w.claimDates[s], { required: true }),
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  if (!value) return Promise.resolve();
                  if (today.isAfterToday(value)) return Promise.reject(new Error(w.claimDateFuture));
                  const before = previous
                    ? (getFieldValue(dateKey(previous)) as Dayjs | undefined)
                    : undefined;
                  if (before && value.isBefore(before, 'day'))
                    return Promise.reject(new Error(w.claimDateOrder(w.claimDates[previous!])));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={today.isAfterToday} />
          </Form.Item>
        );
      })}
      {reached >= CLAIM_STATUSES.indexOf('approved') && (
        <Form.Item
          name="granted"
          label={w.grantedYuan}
          extra={w.grantedHint}
          rules={[
            {
              validator: (_, v: unknown) =>
                typeof v !== 'string' || !v.trim() || parseYuan(v) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error(w.badAmount(w.grantedYuan))),
            },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
      )}
      <Form.Item name="note" label={w.note}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </>
  );
}
