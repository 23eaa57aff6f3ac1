import { EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  APPROVAL_STATUSES,
  APPROVAL_STATUS_LABELS,
  isSettled,
  type ApprovalStatus,
} from '../../../../core/approvals.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { ProvisionalTag } from '../notices/tags.tsx';
import { useWords } from './words.ts';
import type { ApprovalStep } from './work-types.ts';

const DATE_KEYS = ['startedOn', 'submittedOn', 'doneOn'] as const;

/**
 * The project's approval steps: agency, documents, time limit, status (a select per row),
 * dates, the reason of a return; an overdue step is red with its due date.
 */
export function ApprovalsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { common } = useStaffWords();
  const w = useWords();
  const { pick } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const query = $api.useQuery('get', '/api/v1/projects/{id}/approvals', {
    params: { path: { id: projectId } },
  });
  const save = useApiMutation((v: { id: string; body: Body<'/api/v1/approval-steps/{id}', 'patch'> }) =>
    answer(api.PATCH('/api/v1/approval-steps/{id}', { params: { path: { id: v.id } }, body: v.body })),
  );
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState<{ step: ApprovalStep; status?: ApprovalStatus } | null>(null);

  const setStatus = async (step: ApprovalStep, status: ApprovalStatus) => {
    // a return needs its reason: ask for it in the form
    if (status === 'returned') return setEditing({ step, status });
    try {
      await save.mutateAsync({ id: step.id, body: { status } });
      void message.success(common.saved);
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const statusOptions = (s: ApprovalStep) =>
    APPROVAL_STATUSES.filter((x) => x !== 'not_applicable' || s.optional).map((x) => ({
      value: x,
      label: pick(APPROVAL_STATUS_LABELS[x]),
    }));

  const statusCell = (s: ApprovalStep) =>
    canEdit ? (
      <Select<ApprovalStatus>
        value={s.status}
        aria-label={w.statusOf(pick(s.name))}
        options={statusOptions(s)}
        onChange={(v) => void setStatus(s, v)}
        style={{ width: 104 }}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'label' }}
      />
    ) : (
      pick(s.statusLabel)
    );
  const limitText = (s: ApprovalStep) =>
    (s.dayKind === 'working' ? w.workingDays : w.naturalDays)(s.limitDays);
  const datesCell = (s: ApprovalStep) => (
    <ul className="jw-plain-list jw-dates">
      {DATE_KEYS.filter((k) => s[k]).map((k) => (
        <li key={k}>
          {w.stepDates[k]} {s[k]}
        </li>
      ))}
      {s.overdue ? (
        <li className="jw-bad-text">
          <span className="jw-overdue">{w.overdue}</span> {w.dueOn(s.dueOn ?? '')}{' '}
          {s.dueProvisional && <ProvisionalTag />}
        </li>
      ) : (
        !isSettled(s.status) &&
        s.dueOn && (
          <li>
            {w.dueOn(s.dueOn)} {s.dueProvisional && <ProvisionalTag />}
          </li>
        )
      )}
      {!DATE_KEYS.some((k) => s[k]) && <li className="jw-muted">—</li>}
    </ul>
  );

  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => {
        const a = query.data!;
        return (
          <Flex vertical gap={12}>
            <Flex wrap gap={16}>
              <Typography.Text>{w.remaining(a.remaining)}</Typography.Text>
              {a.overdue > 0 ? (
                <Typography.Text className="jw-bad-text">{w.overdueCount(a.overdue)}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{w.noneOverdue}</Typography.Text>
              )}
            </Flex>
            {!screens.md ? (
              <ol className="jw-plain-list jw-steps-list" aria-label={w.approvalsTable}>
                {a.steps.map((s) => (
                  <li key={s.id} className={s.overdue ? 'jw-step is-overdue' : 'jw-step'}>
                    <Flex justify="space-between" align="start" gap={8}>
                      <Typography.Text strong>
                        {s.position + 1}. {pick(s.name)}
                      </Typography.Text>
                      {canEdit && (
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={common.editNamed(pick(s.name))}
                          onClick={() => setEditing({ step: s })}
                        />
                      )}
                    </Flex>
                    <Flex wrap gap={8} align="center" className="jw-step__row">
                      {statusCell(s)}
                      <span className="jw-muted">
                        {limitText(s)}
                        {s.optional ? ` · ${w.mayNotApply}` : ''}
                      </span>
                    </Flex>
                    <div className="jw-muted">
                      {s.agency} · {s.documents.join('、')}
                    </div>
                    {datesCell(s)}
                    {s.status === 'returned' && s.returnedReason && (
                      <div className="jw-bad-text">
                        {w.returnedReason}：{s.returnedReason}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            ) : (
              <Table<ApprovalStep>
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 980 }}
                dataSource={a.steps}
                aria-label={w.approvalsTable}
                rowClassName={(s) => (s.overdue ? 'jw-row-overdue' : '')}
                columns={[
                  {
                    title: w.step,
                    key: 'name',
                    width: 150,
                    render: (_, s) => (
                      <>
                        <Typography.Text strong>
                          {s.position + 1}. {pick(s.name)}
                        </Typography.Text>
                        {s.optional && <div className="jw-muted">{w.mayNotApply}</div>}
                      </>
                    ),
                  },
                  { title: w.agency, dataIndex: 'agency', width: 120 },
                  {
                    title: w.documents,
                    key: 'documents',
                    width: 140,
                    render: (_, s) => s.documents.join('、'),
                  },
                  {
                    title: w.limit,
                    key: 'limit',
                    width: 100,
                    render: (_, s) => limitText(s),
                  },
                  {
                    title: w.status,
                    key: 'status',
                    width: 124,
                    render: (_, s) => statusCell(s),
                  },
                  {
                    title: w.datesDue,
                    key: 'dates',
                    width: 166,
                    render: (_, s) => datesCell(s),
                  },
                  {
                    title: w.returnedReason,
                    key: 'returnedReason',
                    width: 120,
                    render: (_, s) => (s.status === 'returned' ? (s.returnedReason ?? '') : ''),
                  },
                  ...(canEdit
                    ? [
                        {
                          title: common.actions,
                          key: 'edit',
                          width: 60,
                          render: (_: unknown, s: ApprovalStep) => (
                            <Button
                              size="small"
                              icon={<EditOutlined />}
                              aria-label={common.editNamed(pick(s.name))}
                              onClick={() => setEditing({ step: s })}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
            <RecordFormModal
              open={editing !== null}
              title={editing ? pick(editing.step.name) : ''}
              fields={[
                {
                  name: 'status',
                  label: w.status,
                  kind: 'select',
                  required: true,
                  options: editing ? statusOptions(editing.step) : [],
                },
                ...DATE_KEYS.map((k) => ({ name: k, label: w.stepDateFields[k], kind: 'date' as const })),
                { name: 'returnedReason', label: w.returnedReason, kind: 'textarea', max: 500 },
                { name: 'note', label: w.note, kind: 'textarea', max: 2000 },
              ]}
              initialValues={
                editing
                  ? {
                      status: editing.status ?? editing.step.status,
                      returnedReason: editing.step.returnedReason ?? '',
                      note: editing.step.note,
                      ...Object.fromEntries(
                        DATE_KEYS.map((k) => [k, editing.step[k] ? dayjs(editing.step[k]) : undefined]),
                      ),
                    }
                  : {}
              }
              submit={(v) =>
                save.mutateAsync({
                  id: editing!.step.id,
                  // the form's values are untyped (antd): cast to the route's body here, checked by its schema
                  body: {
                    status: v.status,
                    returnedReason: (v.returnedReason as string | undefined)?.trim() || null,
                    note: v.note ?? '',
                    // a date left empty is filled by the server from the status; one cleared is cleared
                    ...Object.fromEntries(
                      DATE_KEYS.flatMap((k): [string, string | null][] =>
                        v[k]
                          ? [[k, (v[k] as Dayjs).format('YYYY-MM-DD')]]
                          : editing!.step[k]
                            ? [[k, null]]
                            : [],
                      ),
                    ),
                  } as Body<'/api/v1/approval-steps/{id}', 'patch'>,
                })
              }
              onClose={() => setEditing(null)}
            />
          </Flex>
        );
      }}
    </QueryState>
  );
}
