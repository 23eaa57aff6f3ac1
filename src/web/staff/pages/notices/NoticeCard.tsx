import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { answer, api } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { EditDraftModal, RestartModal } from './NoticeFormDialogs.tsx';
import { ObjectionsTable } from './ObjectionsTable.tsx';
import { PeriodChanges } from './PeriodChanges.tsx';
import { EvidenceModal, PostModal } from './PostingDialogs.tsx';
import { StaffObjectionModal } from './StaffObjectionModal.tsx';
import { PhaseTag, ProvisionalTag } from './tags.tsx';
import type { CaseListItem, Notice } from './types.ts';
import { useWords } from './words.ts';

type Dialog = null | 'edit' | 'post' | 'evidence' | 'restart' | 'objection';

/** One notice: its dates and phase, posting evidence, objections, and what staff can do next. */
export function NoticeCard({ notice: n, cases }: { notice: Notice; cases: CaseListItem[] }) {
  const w = useWords();
  const { lang } = useLang();
  const { canWrite } = useSession();
  const detail = $api.useQuery('get', '/api/v1/notices/{id}', { params: { path: { id: n.id } } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useApiMutation(() =>
    answer(api.DELETE('/api/v1/notices/{id}', { params: { path: { id: n.id } } })),
  );
  const superseded = n.phase === 'superseded';
  // a works notice: its days, effects and hours; its objections are complaints (施工投诉)
  const works = n.kind === 'works';
  const worksItems = [
    {
      key: 'period',
      label: w.worksPeriod,
      children: `${n.startOn} – ${n.endsOn}（${w.worksDays(n.publicityDays)}）`,
    },
    {
      key: 'effects',
      label: w.worksEffects,
      children: n.works?.effects.map((e) => w.worksEffectLabels[e]).join('、') || w.none,
    },
    {
      key: 'hours',
      label: w.hours,
      children: n.works?.hoursFrom ? `${n.works.hoursFrom} – ${n.works.hoursTo}` : w.none,
    },
  ];
  const live = !superseded && n.status !== 'draft';
  const headingId = `notice-${n.id}`;
  return (
    <Card
      size="small"
      className={superseded ? 'jw-notice jw-notice--old' : 'jw-notice'}
      aria-labelledby={headingId}
      title={
        <Flex wrap gap={8} align="center">
          <h2 id={headingId} className="jw-card-title">
            {n.title}
          </h2>
          <PhaseTag phase={n.phase} />
        </Flex>
      }
    >
      {n.restartReason && (
        <Alert
          type="info"
          showIcon
          title={w.restartedBecause(n.restartReason)}
          className="jw-notice__alert"
        />
      )}
      {superseded && <Alert type="warning" showIcon title={w.supersededOn} className="jw-notice__alert" />}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'kind', label: w.kind, children: w.kinds[n.kind] },
          ...(works ? worksItems : []),
          ...(works
            ? []
            : [
                { key: 'start', label: w.startOn, children: n.startOn },
                {
                  key: 'pub',
                  label: w.publicityEnd,
                  children: `${n.publicityEnd}（${w.days(n.publicityDays, n.publicityKind)}）`,
                },
                {
                  key: 'fb',
                  label: w.feedbackEnd,
                  children: n.feedbackEnd
                    ? `${n.feedbackEnd}（${w.days(n.feedbackDays, n.feedbackKind)}）`
                    : w.none,
                },
                {
                  key: 'ends',
                  label: w.endsOn,
                  children: (
                    <span className="jw-date-with-tag">
                      <strong>{n.endsOn}</strong>
                      {n.provisional && <ProvisionalTag />}
                    </span>
                  ),
                },
              ]),
          ...(n.postedAt
            ? [
                {
                  key: 'posted',
                  label: w.postedWhere,
                  children: `${w.posted(n.postedByName ?? '', n.postedWhere ?? '')} · ${formatDateTime(n.postedAt, lang)}`,
                },
              ]
            : []),
        ]}
      />
      {n.provisional && !superseded && (
        <Alert
          type="warning"
          showIcon
          title={w.provisionalNotice}
          description={w.provisionalWhy}
          className="jw-notice__alert"
        />
      )}
      {n.body && <Typography.Paragraph className="jw-notice__body">{n.body}</Typography.Paragraph>}
      <Space wrap className="jw-notice__actions">
        <Button
          icon={<PrinterOutlined />}
          href={`/projects/${n.projectId}/notices/${n.id}/print`}
          target="_blank"
        >
          {w.print}
        </Button>
        {canWrite && !superseded && (
          <>
            {n.status === 'draft' && (
              <>
                <Button type="primary" onClick={() => setDialog('post')}>
                  {w.post}
                </Button>
                <Button onClick={() => setDialog('edit')}>{w.editDraft}</Button>
                <Popconfirm title={w.confirmDelete} onConfirm={() => remove.mutate(undefined)}>
                  <Button danger>{w.deleteDraft}</Button>
                </Popconfirm>
              </>
            )}
            {live && (
              <>
                <Button onClick={() => setDialog('evidence')}>{w.uploadEvidence}</Button>
                <Button onClick={() => setDialog('objection')}>
                  {works ? w.addComplaint : w.addObjection}
                </Button>
                <Button onClick={() => setDialog('restart')}>{w.restart}</Button>
              </>
            )}
          </>
        )}
      </Space>
      {detail.data && detail.data.periodChanges.length > 0 && (
        <PeriodChanges changes={detail.data.periodChanges} />
      )}
      {n.status !== 'draft' && (
        <>
          <h3 className="jw-section-title">{w.evidence}</h3>
          <EvidenceList notice={n} detail={detail.data} />
          <h3 className="jw-section-title">
            {works ? w.complaints : w.objections}
            {detail.data ? `（${detail.data.objections.length}）` : ''}
          </h3>
          <ObjectionsTable
            objections={detail.data?.objections ?? []}
            cases={cases}
            loading={detail.isLoading}
            noticeTitle={n.title}
            complaints={works}
          />
        </>
      )}
      {canWrite && (
        <>
          {n.status === 'draft' && (
            <EditDraftModal notice={n} open={dialog === 'edit'} onClose={() => setDialog(null)} />
          )}
          <PostModal notice={n} open={dialog === 'post'} onClose={() => setDialog(null)} />
          <EvidenceModal notice={n} open={dialog === 'evidence'} onClose={() => setDialog(null)} />
          <RestartModal notice={n} open={dialog === 'restart'} onClose={() => setDialog(null)} />
          <StaffObjectionModal notice={n} open={dialog === 'objection'} onClose={() => setDialog(null)} />
        </>
      )}
    </Card>
  );
}
