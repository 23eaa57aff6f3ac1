import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Grid, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { checkEntry, MAIN_PATH, MIN_REASON_CHARS } from '../../../../core/lifecycle.ts';
import { STAGE_LABELS } from '../../../../core/stages.ts';
import { ApiError, answer, api, type Body } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useWords } from './words.ts';
import type { StageInfo } from './work-types.ts';
import './work.css';

/**
 * Where the project stands on the main path (动员 → … → 运维), with paused and withdrawn
 * shown on the step they left; a phone gets the bar upright.
 */
export function StageBar({ status }: { status: StageInfo }) {
  const w = useWords();
  const { pick } = useLang();
  const screens = Grid.useBreakpoint();
  const side = status.stage === 'paused' || status.stage === 'withdrawn';
  // the change that set it aside says from where, and why
  const stop = side ? [...status.history].reverse().find((h) => h.toStage === status.stage) : undefined;
  const left =
    status.stage === 'paused'
      ? status.pausedFrom
      : status.stage === 'withdrawn'
        ? (stop?.fromStage ?? null)
        : status.stage;
  const current = Math.max(0, MAIN_PATH.indexOf(left ?? 'mobilisation'));
  return (
    <section aria-label={w.stageBar}>
      {side && (
        <Alert
          type={status.stage === 'withdrawn' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            status.stage === 'withdrawn'
              ? w.withdrawnAt(pick(STAGE_LABELS[left ?? 'mobilisation']))
              : w.pausedAt(pick(STAGE_LABELS[left ?? 'mobilisation']))
          }
          description={stop?.reason ? w.stoppedBecause({ reason: stop.reason, on: stop.on }) : undefined}
        />
      )}
      <Steps
        className="jw-stagebar"
        size="small"
        orientation={screens.md ? 'horizontal' : 'vertical'}
        titlePlacement={screens.md ? 'vertical' : 'horizontal'}
        current={current}
        status={
          status.stage === 'withdrawn'
            ? 'error'
            : status.stage === 'paused'
              ? 'wait'
              : status.stage === 'in_service'
                ? 'finish'
                : 'process'
        }
        items={MAIN_PATH.map((s, i) => ({
          title: pick(STAGE_LABELS[s]),
          content:
            i === current ? (
              <span className="jw-stagebar__now">{side ? pick(STAGE_LABELS[status.stage]) : w.now}</span>
            ) : undefined,
        }))}
      />
    </section>
  );
}

/**
 * What entering the next stage needs: system criteria with their state, staff criteria to
 * tick, the blockers' reasons, and the move itself — with an override that needs a reason.
 */
export function NextStage({
  projectId,
  status,
  canEdit,
}: {
  projectId: string;
  status: StageInfo;
  canEdit: boolean;
}) {
  const w = useWords();
  const { pick, isEn } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<{
    text: string;
    blockers: { id: string; label: { zh: string; en: string } }[];
  } | null>(null);
  const change = useApiMutation((body: Body<'/api/v1/projects/{id}/stage'>) =>
    answer(api.POST('/api/v1/projects/{id}/stage', { params: { path: { id: projectId } }, body })),
  );
  const next = status.next;
  if (status.stage === 'withdrawn') return null;
  if (!next) return <Typography.Text type="secondary">{w.lastStage}</Typography.Text>;

  const check = checkEntry(status.stage, next.stage, status.facts, confirmed, status.pausedFrom ?? undefined);
  const reasonOk = reason.trim().length >= MIN_REASON_CHARS;
  const system = next.criteria.filter((c) => c.kind === 'system');
  const staff = next.criteria.filter((c) => c.kind === 'staff');
  const label = pick(next.label);
  const paren = (text: string) => (isEn ? ` (${text})` : `（${text}）`);

  const submit = async () => {
    setRefused(null);
    try {
      await change.mutateAsync({
        to: next.stage,
        confirmed,
        override: !check.allowed && override,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      void message.success(w.entered(label));
      setConfirmed([]);
      setOverride(false);
      setReason('');
    } catch (err) {
      const details =
        err instanceof ApiError
          ? (err.info.details as
              { blockers?: { id: string; label: { zh: string; en: string } }[] } | undefined)
          : undefined;
      setRefused({ text: errorText(err), blockers: details?.blockers ?? [] });
    }
  };

  return (
    <section aria-labelledby="jw-next-stage" className="jw-next">
      <Typography.Title level={2} id="jw-next-stage" className="jw-section-title">
        {w.nextNeeds(label)}
      </Typography.Title>
      {next.criteria.length === 0 && (
        <Typography.Paragraph type="secondary">{w.noCriteria}</Typography.Paragraph>
      )}
      <ul className="jw-plain-list jw-criteria">
        {system.map((c) => (
          <li key={c.id}>
            <Flex gap={6} align="baseline">
              {c.met ? (
                <CheckCircleFilled className="jw-ok" aria-hidden />
              ) : (
                <CloseCircleFilled className="jw-bad" aria-hidden />
              )}
              <span>
                {pick(c.label)}
                <span className={c.met ? 'jw-ok-text' : 'jw-bad-text'}>
                  {paren(c.met ? w.met : w.notMet)}
                </span>
              </span>
            </Flex>
          </li>
        ))}
        {staff.map((c) => (
          <li key={c.id}>
            <Checkbox
              checked={confirmed.includes(c.id)}
              disabled={!canEdit}
              onChange={(e) =>
                setConfirmed((list) => (e.target.checked ? [...list, c.id] : list.filter((x) => x !== c.id)))
              }
            >
              {pick(c.label)}
              <span className="jw-muted">{paren(w.staffConfirms)}</span>
            </Checkbox>
          </li>
        ))}
      </ul>
      {!check.allowed && (
        <Alert
          type="warning"
          showIcon
          className="jw-next__blockers"
          title={`${w.blockedBy(label)}${check.blockers.map((b) => pick(b.label)).join(isEn ? '; ' : '；')}`}
        />
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          className="jw-next__blockers"
          role="alert"
          title={refused.text}
          description={
            refused.blockers.length > 0 && (
              <ul className="jw-plain-list">
                {refused.blockers.map((b) => (
                  <li key={b.id}>{pick(b.label)}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {canEdit && (
        <Flex vertical gap={8} className="jw-next__act">
          {!check.allowed && (
            <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)}>
              {w.override}
            </Checkbox>
          )}
          {!check.allowed && override && (
            <label className="jw-field">
              <span>{w.overrideReason}</span>
              <Input.TextArea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                maxLength={1000}
                aria-describedby="jw-override-hint"
              />
              <Typography.Text type="secondary" id="jw-override-hint">
                {w.overrideHint}
              </Typography.Text>
            </label>
          )}
          <div>
            <Button
              type="primary"
              onClick={() => void submit()}
              loading={change.isPending}
              disabled={!check.allowed && !(override && reasonOk)}
            >
              {w.enter(label)}
            </Button>
          </div>
        </Flex>
      )}
    </section>
  );
}

/** The stage bar and the next stage's needs, as the top of the project page. */
export function StageCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const w = useWords();
  const status = $api.useQuery('get', '/api/v1/projects/{id}/stage', { params: { path: { id: projectId } } });
  return (
    <Card size="small" title={<h2 className="jw-card-title">{w.stageBar}</h2>}>
      <QueryState isLoading={status.isLoading} error={status.error}>
        {() => (
          <>
            <StageBar status={status.data!} />
            {/* keyed by stage: the ticks belong to the move they were made for */}
            <NextStage
              key={status.data!.stage}
              projectId={projectId}
              status={status.data!}
              canEdit={canEdit}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
