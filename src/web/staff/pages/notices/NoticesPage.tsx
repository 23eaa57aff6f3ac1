import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { DatePicker } from '../../components/DatePicker.ts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api, ApiError, type Body } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { Project } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession, useToday } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { postForm } from '../consent/postForm.ts';
import { ObjectionsTable } from './ObjectionsTable.tsx';
import { PeriodPreview } from './PeriodPreview.tsx';
import { OutcomeTag, PhaseTag, ProvisionalTag } from './tags.tsx';
import {
  NOTICE_DEFAULTS,
  NOTICE_KINDS,
  type CaseListItem,
  type Notice,
  type NoticeDetail,
  type NoticeKind,
  type PeriodChangeRecord,
} from './types.ts';
import { FileInput, formBody, WriteModal } from '../../components/WriteModal.tsx';
import { NewCaseModal } from '../mediation/CaseForms.tsx';
import { useWords } from './words.ts';
import './notices.css';

/** A project's public notices (公示): create, post, posting evidence, restart, objections. */
export default function NoticesPage() {
  const { id = '' } = useParams();
  const project = $api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id } } });
  const list = $api.useQuery('get', '/api/v1/projects/{id}/notices', { params: { path: { id } } });
  const cases = $api.useQuery('get', '/api/v1/projects/{id}/mediation', { params: { path: { id } } });
  return (
    <QueryState isLoading={project.isLoading || list.isLoading} error={project.error ?? list.error}>
      {() => <Notices project={project.data!} items={list.data!.items} cases={cases.data?.items ?? []} />}
    </QueryState>
  );
}

function Notices({ project, items, cases }: { project: Project; items: Notice[]; cases: CaseListItem[] }) {
  const { menu } = useStaffWords();
  const w = useWords();
  const { canWrite } = useSession();
  const [creating, setCreating] = useState(false);
  const [newCase, setNewCase] = useState(false);
  return (
    <>
      <PageHeader
        title={w.noticesOf(project.name)}
        crumbs={[
          { label: menu.projects, to: '/projects' },
          { label: project.name, to: `/projects/${project.id}` },
          { label: w.notices },
        ]}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {w.create}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        {items.length === 0 && <Empty description={w.noNotices} />}
        {items.map((n) => (
          <NoticeCard key={n.id} notice={n} cases={cases} />
        ))}
        <Card
          size="small"
          title={<h2 className="jw-card-title">{w.projectCases}</h2>}
          extra={
            canWrite && (
              <Button icon={<PlusOutlined />} onClick={() => setNewCase(true)}>
                {w.newCase}
              </Button>
            )
          }
        >
          {cases.length === 0 ? (
            <Typography.Text>{w.noCases}</Typography.Text>
          ) : (
            <ul className="jw-plain-list">
              {cases.map((c) => (
                <li key={c.id}>
                  <Link to={`/mediation/${c.id}`}>{c.title}</Link> <OutcomeTag outcome={c.outcome} />{' '}
                  <Typography.Text type="secondary">{c.openedOn}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Flex>
      {canWrite && <CreateNoticeModal project={project} open={creating} onClose={() => setCreating(false)} />}
      {canWrite && <NewCaseModal project={project} open={newCase} onClose={() => setNewCase(false)} />}
    </>
  );
}

type Dialog = null | 'edit' | 'post' | 'evidence' | 'restart' | 'objection';

/** One notice: its dates and phase, posting evidence, objections, and what staff can do next. */
function NoticeCard({ notice: n, cases }: { notice: Notice; cases: CaseListItem[] }) {
  const w = useWords();
  const { lang } = useLang();
  const { canWrite } = useSession();
  const detail = $api.useQuery('get', '/api/v1/notices/{id}', { params: { path: { id: n.id } } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useApiMutation(() =>
    answer(api.DELETE('/api/v1/notices/{id}', { params: { path: { id: n.id } } })),
  );
  const superseded = n.phase === 'superseded';
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
                <Button onClick={() => setDialog('objection')}>{w.addObjection}</Button>
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
            {w.objections}
            {detail.data ? `（${detail.data.objections.length}）` : ''}
          </h3>
          <ObjectionsTable
            objections={detail.data?.objections ?? []}
            cases={cases}
            loading={detail.isLoading}
            noticeTitle={n.title}
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

/** How holiday arrangements entered after the notice was written moved its ends, oldest first. */
function PeriodChanges({ changes }: { changes: PeriodChangeRecord[] }) {
  const w = useWords();
  const { lang } = useLang();
  return (
    <>
      <h3 className="jw-section-title">{w.periodChanges}</h3>
      <ul className="jw-plain-list" data-testid="period-changes">
        {changes.map((c) => (
          <li key={c.id}>
            {w.periodChange(c.year, c.before.endsOn, c.after.endsOn)}
            {c.after.feedbackEnd && (
              <Typography.Text type="secondary">
                （{w.periodChangeParts(c.after.publicityEnd, c.after.feedbackEnd)}）
              </Typography.Text>
            )}{' '}
            <Typography.Text type="secondary">
              · {c.byName} · {formatDateTime(c.at, lang)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </>
  );
}

function EvidenceList({ notice, detail }: { notice: Notice; detail: NoticeDetail | undefined }) {
  const w = useWords();
  const { lang } = useLang();
  const items = detail?.evidence ?? [];
  if (!items.length) return <Typography.Paragraph type="secondary">{w.noEvidence}</Typography.Paragraph>;
  return (
    <ul className="jw-plain-list">
      {items.map((e) => (
        <li key={e.id}>
          <a href={`/api/v1/notices/${notice.id}/evidence/${e.id}`} aria-label={w.download(e.name)}>
            {e.name}
          </a>{' '}
          <Typography.Text type="secondary">
            {[e.where, e.note, e.byName, formatDateTime(e.createdAt, lang)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

const PERIOD_FIELDS = [
  'startOn',
  'publicityDays',
  'publicityKind',
  'feedbackDays',
  'feedbackKind',
  'countStartDay',
];

/** A notice's title and text, as created or edited. */
function TextFields() {
  const w = useWords();
  return (
    <>
      <Form.Item name="title" label={w.title} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="body" label={w.body} rules={[{ max: 20000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/** The period fields shared by create and restart, with the end dates previewed on the committee's street calendar. */
function PeriodFields({ committeeId }: { committeeId: string }) {
  const w = useWords();
  const kindOptions = (['natural', 'working'] as const).map((k) => ({ value: k, label: w.periodKinds[k] }));
  return (
    <>
      <Form.Item name="startOn" label={w.startOn} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="publicityDays"
          label={w.publicityDays}
          rules={[{ required: true, type: 'number', min: 1, max: 365 }]}
          className="jw-grow"
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="publicityKind" label={w.publicityKind} className="jw-grow">
          <Select options={kindOptions} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="feedbackDays"
          label={w.feedbackDays}
          rules={[{ required: true, type: 'number', min: 0, max: 365 }]}
          className="jw-grow"
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="feedbackKind" label={w.feedbackKind} className="jw-grow">
          <Select options={kindOptions} />
        </Form.Item>
      </Flex>
      <Form.Item name="countStartDay" valuePropName="checked">
        <Checkbox>{w.countStartDay}</Checkbox>
      </Form.Item>
      <PeriodPreview committeeId={committeeId} />
    </>
  );
}

function CreateNoticeModal({
  project,
  open,
  onClose,
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const today = useToday();
  const create = useApiMutation((body: Record<string, unknown>) =>
    answer(api.POST('/api/v1/notices', { body: body as Body<'/api/v1/notices'> })),
  );
  const defaults = (kind: NoticeKind) => ({ kind, ...NOTICE_DEFAULTS[kind] });
  return (
    <WriteModal
      open={open}
      title={w.create}
      fieldNames={['kind', 'title', 'body', ...PERIOD_FIELDS]}
      initialValues={{
        ...defaults('design_scheme'),
        title: `${project.name}${w.kinds.design_scheme}`,
        startOn: today.day,
        countStartDay: false,
      }}
      submit={(values) => create.mutateAsync({ ...formBody(values), projectId: project.id })}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">{project.name}</Typography.Paragraph>
          <Form.Item name="kind" label={w.kind} rules={[{ required: true }]}>
            <Select
              options={NOTICE_KINDS.map((k) => ({ value: k, label: w.kinds[k] }))}
              onChange={(kind: NoticeKind) =>
                form.setFieldsValue({ ...defaults(kind), title: `${project.name}${w.kinds[kind]}` })
              }
            />
          </Form.Item>
          <TextFields />
          <PeriodFields committeeId={project.committeeId} />
        </>
      )}
    </WriteModal>
  );
}

/** A draft is edited freely until it is posted; afterwards a change restarts the notice. */
function EditDraftModal({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const w = useWords();
  const save = useApiMutation((body: Body<'/api/v1/notices/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/notices/{id}', { params: { path: { id: notice.id } }, body })),
  );
  return (
    <WriteModal
      open={open}
      title={w.editDraft}
      fieldNames={['title', 'body', ...PERIOD_FIELDS]}
      initialValues={{
        title: notice.title,
        body: notice.body ?? '',
        startOn: dayjs(notice.startOn),
        publicityDays: notice.publicityDays,
        publicityKind: notice.publicityKind,
        feedbackDays: notice.feedbackDays,
        feedbackKind: notice.feedbackKind,
        countStartDay: notice.countStartDay,
      }}
      submit={(v) => save.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <TextFields />
      <PeriodFields committeeId={notice.committeeId} />
    </WriteModal>
  );
}

function PostModal({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const w = useWords();
  const postIt = useApiMutation((body: Body<'/api/v1/notices/{id}/post'>) =>
    answer(api.POST('/api/v1/notices/{id}/post', { params: { path: { id: notice.id } }, body })),
  );
  return (
    <WriteModal
      open={open}
      title={w.postTitle}
      okText={w.post}
      fieldNames={['postedWhere']}
      initialValues={{ postedWhere: notice.postedWhere ?? '' }}
      submit={(v) => postIt.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Typography.Paragraph>{notice.title}</Typography.Paragraph>
      <Form.Item name="postedWhere" label={w.postedWhere} rules={[{ max: 200 }]}>
        <Input maxLength={200} placeholder={w.postedWhereExample} />
      </Form.Item>
    </WriteModal>
  );
}

function EvidenceModal({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const w = useWords();
  const { csrfToken } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useApiMutation((v: { fields: Record<string, string | undefined>; file: File }) =>
    postForm('/api/v1/notices/{id}/evidence', { id: notice.id }, csrfToken, v.fields, v.file),
  );
  return (
    <WriteModal
      open={open}
      title={w.uploadEvidence}
      fieldNames={['where', 'note', 'file']}
      initialValues={{ where: notice.postedWhere ?? '' }}
      submit={(v) => {
        if (!file)
          return Promise.reject(
            new ApiError(400, { code: 'bad_input', message: w.fileRequired, messageEn: w.fileRequired }),
          );
        return upload.mutateAsync({ fields: formBody(v) as Record<string, string>, file });
      }}
      onClose={onClose}
    >
      <Form.Item name="where" label={w.evidenceWhere} rules={[{ max: 200 }]}>
        <Input maxLength={200} placeholder={w.postedWhereExample} />
      </Form.Item>
      <Form.Item name="note" label={w.evidenceNote} rules={[{ max: 1000 }]}>
        <Input maxLength={1000} />
      </Form.Item>
      {open && <FileInput label={w.evidenceFile} required onFile={setFile} />}
    </WriteModal>
  );
}

function RestartModal({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const w = useWords();
  const today = useToday();
  const restart = useApiMutation((body: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/notices/{id}/restart', {
        params: { path: { id: notice.id } },
        body: body as Body<'/api/v1/notices/{id}/restart'>,
      }),
    ),
  );
  return (
    <WriteModal
      open={open}
      title={w.restart}
      fieldNames={['reason', 'title', ...PERIOD_FIELDS]}
      initialValues={{
        title: notice.title,
        startOn: today.day,
        publicityDays: notice.publicityDays,
        publicityKind: notice.publicityKind,
        feedbackDays: notice.feedbackDays,
        feedbackKind: notice.feedbackKind,
        countStartDay: notice.countStartDay,
      }}
      submit={(v) => restart.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={w.restartNote} className="jw-notice__alert" />
      <Form.Item
        name="reason"
        label={w.restartReason}
        rules={[{ required: true, whitespace: true, max: 1000 }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="title" label={w.title} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <PeriodFields committeeId={notice.committeeId} />
    </WriteModal>
  );
}

function StaffObjectionModal({
  notice,
  open,
  onClose,
}: {
  notice: Notice;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const today = useToday();
  const add = useApiMutation((body: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/notices/{id}/objections', {
        params: { path: { id: notice.id } },
        body: body as Body<'/api/v1/notices/{id}/objections'>,
      }),
    ),
  );
  return (
    <WriteModal
      open={open}
      title={w.addObjectionTitle}
      fieldNames={['text', 'fromName', 'receivedOn']}
      initialValues={{ receivedOn: today.day }}
      submit={(v) => add.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Typography.Paragraph>{notice.title}</Typography.Paragraph>
      <Form.Item name="fromName" label={w.fromName} rules={[{ max: 100 }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="text" label={w.text} rules={[{ required: true, whitespace: true, max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="receivedOn" label={w.receivedOn}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => today.isAfterToday(d) || d.isBefore(notice.startOn, 'day')}
        />
      </Form.Item>
    </WriteModal>
  );
}
