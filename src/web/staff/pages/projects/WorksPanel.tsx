import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS } from '../../../../core/works.ts';
import { answer, api, type Answer, type Body } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { EquipmentFormModal } from '../lifts/EquipmentForm.tsx';
import { LogPhotoModal, LogPhotos } from './LogPhotos.tsx';
import { WorksNotices } from './WorksNotices.tsx';
import { useWorksWords } from './worksWords.ts';

type Works = Answer<'/api/v1/projects/{id}/works'>;
type Milestone = Works['milestones'][number];
type AcceptanceItem = NonNullable<Works['acceptance']>[number];

/** Tag colours with text at 4.5:1 or more on their background (antd's green tag is lighter). */
const TONES = {
  done: { color: '#135200', background: '#f6ffed' },
  going: { color: '#003a8c', background: '#e6f4ff' },
  none: { color: '#434343', background: '#fafafa' },
};
function StatusTag({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const c = TONES[tone];
  return (
    <Tag style={{ color: c.color, background: c.background, borderColor: c.color, marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}

const MILESTONE_DATES = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;
const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : null);
const range = (a: string | null, b: string | null) => (a || b ? `${a ?? '…'} – ${b ?? '…'}` : '—');

/**
 * The project's works (施工): the milestones, plan against actual with overdue ones flagged; the
 * contractor and supervisor; the site log (an entry added on a phone); the acceptance and handover
 * checklist once the works are under way; and the lift's equipment record.
 */
export function WorksPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const w = useWorksWords();
  const { pick } = useLang();
  const query = $api.useQuery('get', '/api/v1/projects/{id}/works', { params: { path: { id: projectId } } });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => {
        const works = query.data!;
        const edit = canEdit && works.editable;
        return (
          <Flex vertical gap={16}>
            {!works.editable && <Typography.Text type="secondary">{w.notEditable}</Typography.Text>}
            <Milestones projectId={projectId} works={works} canEdit={edit} />
            <Parties projectId={projectId} works={works} canEdit={edit} />
            <SiteLog projectId={projectId} works={works} canEdit={edit} />
            <WorksNotices projectId={projectId} canEdit={canEdit} />
            {works.acceptance && (
              <Acceptance projectId={projectId} items={works.acceptance} canEdit={canEdit} />
            )}
            <Lift
              projectId={projectId}
              recorded={works.liftRecorded}
              canEdit={canEdit && works.acceptance !== null}
            />
            <Typography.Text type="secondary" className="jw-muted">
              {works.openBeforeAcceptance.length
                ? w.openBeforeAcceptance(works.openBeforeAcceptance.map((n) => pick(n)).join('、'))
                : w.allBeforeAcceptanceDone}
            </Typography.Text>
          </Flex>
        );
      }}
    </QueryState>
  );
}

function Milestones({ projectId, works, canEdit }: { projectId: string; works: Works; canEdit: boolean }) {
  const w = useWorksWords();
  const { common } = useStaffWords();
  const { pick } = useLang();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const save = useApiMutation(
    (v: { key: string; body: Body<'/api/v1/projects/{id}/works/milestones/{key}', 'patch'> }) =>
      answer(
        api.PATCH('/api/v1/projects/{id}/works/milestones/{key}', {
          params: { path: { id: projectId, key: v.key } },
          body: v.body,
        }),
      ),
  );
  return (
    <section aria-labelledby="jw-works-milestones">
      <Flex wrap gap={16} align="baseline">
        <h3 className="jw-card-title" id="jw-works-milestones">
          {w.milestones}
        </h3>
        {works.overdue > 0 ? (
          <Typography.Text className="jw-bad-text">{w.overdueCount(works.overdue)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{w.noneOverdue}</Typography.Text>
        )}
        {works.registrationDueOn && (
          <Typography.Text>{w.registrationDue(works.registrationDueOn)}</Typography.Text>
        )}
      </Flex>
      {!works.copied && <Typography.Paragraph type="secondary">{w.previewHint}</Typography.Paragraph>}
      <ol className="jw-plain-list jw-works-list" aria-label={w.milestones}>
        {works.milestones.map((m) => (
          <li key={m.key} className={m.overdue ? 'jw-step is-overdue' : 'jw-step'}>
            <Flex justify="space-between" align="start" gap={8}>
              <Flex wrap gap={8} align="center">
                <Typography.Text strong>
                  {m.position + 1}. {pick(m.name)}
                </Typography.Text>
                <StatusTag
                  tone={m.status === 'done' ? 'done' : m.status === 'in_progress' ? 'going' : 'none'}
                >
                  {pick(m.statusLabel)}
                </StatusTag>
                {m.overdue && <span className="jw-overdue">{w.overdue}</span>}
              </Flex>
              {canEdit && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={w.editMilestone(pick(m.name))}
                  onClick={() => setEditing(m)}
                />
              )}
            </Flex>
            <dl className="jw-works-dates">
              <div>
                <dt>{w.plan}</dt>
                <dd>{range(m.plannedStart, m.plannedEnd)}</dd>
              </div>
              <div>
                <dt>{w.actual}</dt>
                <dd>{range(m.actualStart, m.actualEnd)}</dd>
              </div>
            </dl>
            {m.overdue && m.dueOn && <div className="jw-bad-text">{w.dueOn(m.dueOn)}</div>}
            {m.beforeAcceptance && m.status !== 'done' && m.status !== 'not_applicable' && (
              <div className="jw-muted">{w.gate}</div>
            )}
            {m.note && <div className="jw-muted">{m.note}</div>}
          </li>
        ))}
      </ol>
      <RecordFormModal
        open={editing !== null}
        title={editing ? w.editMilestone(pick(editing.name)) : ''}
        fields={[
          {
            name: 'status',
            label: w.status,
            kind: 'select',
            required: true,
            options: MILESTONE_STATUSES.map((s) => ({ value: s, label: pick(MILESTONE_STATUS_LABELS[s]) })),
          },
          ...MILESTONE_DATES.map((k) => ({ name: k, label: w[k], kind: 'date' as const })),
          { name: 'note', label: w.note, kind: 'textarea', max: 2000 },
        ]}
        initialValues={
          editing
            ? {
                status: editing.status,
                note: editing.note,
                ...Object.fromEntries(
                  MILESTONE_DATES.map((k) => [k, editing[k] ? dayjs(editing[k]) : undefined]),
                ),
              }
            : {}
        }
        submit={async (v) => {
          await save.mutateAsync({
            key: editing!.key,
            body: {
              status: v.status,
              note: (v.note as string | undefined) ?? '',
              ...Object.fromEntries(MILESTONE_DATES.map((k) => [k, day(v[k])])),
            } as Body<'/api/v1/projects/{id}/works/milestones/{key}', 'patch'>,
          });
          void message.success(common.saved);
        }}
        onClose={() => setEditing(null)}
      />
    </section>
  );
}

function Parties({ projectId, works, canEdit }: { projectId: string; works: Works; canEdit: boolean }) {
  const w = useWorksWords();
  const { common } = useStaffWords();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const save = useApiMutation((body: Body<'/api/v1/projects/{id}/works/parties', 'put'>) =>
    answer(api.PUT('/api/v1/projects/{id}/works/parties', { params: { path: { id: projectId } }, body })),
  );
  const p = works.parties;
  const keys = [
    'contractorName',
    'contractorLicence',
    'siteManager',
    'siteManagerPhone',
    'supervisorName',
    'supervisorContact',
    'supervisorPhone',
  ] as const;
  return (
    <Card
      size="small"
      title={<h3 className="jw-card-title">{w.parties}</h3>}
      extra={
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>
            {w.editParties}
          </Button>
        )
      }
    >
      {p ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          {keys
            .filter((k) => p[k])
            .map((k) => (
              <Descriptions.Item key={k} label={w[k]}>
                {p[k]}
              </Descriptions.Item>
            ))}
          {!p.supervisorName && (
            <Descriptions.Item label={w.supervisorName}>{w.noSupervisor}</Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{w.noParties}</Typography.Text>
      )}
      <RecordFormModal
        open={open}
        title={w.editParties}
        fields={keys.map((k) => ({
          name: k,
          label: w[k],
          required: k === 'contractorName',
          max: k.endsWith('Phone') ? 30 : 100,
        }))}
        initialValues={p ?? {}}
        submit={async (v) => {
          await save.mutateAsync(
            Object.fromEntries(keys.map((k) => [k, ((v[k] as string | undefined) ?? '').trim()])) as Body<
              '/api/v1/projects/{id}/works/parties',
              'put'
            >,
          );
          void message.success(common.saved);
        }}
        onClose={() => setOpen(false)}
      />
    </Card>
  );
}

function SiteLog({ projectId, works, canEdit }: { projectId: string; works: Works; canEdit: boolean }) {
  const w = useWorksWords();
  const { common } = useStaffWords();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [photoOf, setPhotoOf] = useState<Works['log'][number] | null>(null);
  // a new entry is for today by the server's clock, not the phone's
  const { today } = useSession();
  const add = useApiMutation((body: Body<'/api/v1/projects/{id}/works/log', 'post'>) =>
    answer(api.POST('/api/v1/projects/{id}/works/log', { params: { path: { id: projectId } }, body })),
  );
  return (
    <Card
      size="small"
      title={<h3 className="jw-card-title">{w.log}</h3>}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {w.addLog}
          </Button>
        )
      }
    >
      {works.log.length === 0 ? (
        <Typography.Text type="secondary">{w.noLog}</Typography.Text>
      ) : (
        <ul className="jw-plain-list" aria-label={w.log}>
          {works.log.map((e) => (
            <li key={e.id} className="jw-step">
              <Typography.Text strong>{e.on}</Typography.Text>
              {e.weather && <span className="jw-muted"> · {e.weather}</span>}
              <span className="jw-muted"> · {w.workersOf(e.workers)}</span>
              <div>{e.workDone}</div>
              {e.safetyChecks && (
                <div className="jw-muted">
                  {w.safetyChecks}：{e.safetyChecks}
                </div>
              )}
              <div className="jw-muted">{w.by(e.byName)}</div>
              <LogPhotos projectId={projectId} entry={e} />
              {canEdit && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  aria-label={w.addPhotoOf(e.on)}
                  onClick={() => setPhotoOf(e)}
                >
                  {w.addPhoto}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <RecordFormModal
        open={open}
        title={w.addLog}
        fields={[
          { name: 'on', label: w.logOn, kind: 'date', required: true },
          { name: 'weather', label: w.weather, max: 50 },
          { name: 'workDone', label: w.workDone, kind: 'textarea', required: true, max: 2000 },
          { name: 'workers', label: w.workers, kind: 'number', required: true, min: 0, max: 500 },
          { name: 'safetyChecks', label: w.safetyChecks, kind: 'textarea', max: 2000, help: w.photosLater },
        ]}
        initialValues={{ on: dayjs(today) }}
        submit={async (v) => {
          await add.mutateAsync({
            on: day(v.on)!,
            weather: ((v.weather as string | undefined) ?? '').trim(),
            workDone: v.workDone as string,
            workers: v.workers as number,
            safetyChecks: ((v.safetyChecks as string | undefined) ?? '').trim(),
          });
          void message.success(common.saved);
        }}
        onClose={() => setOpen(false)}
      />
      {canEdit && <LogPhotoModal projectId={projectId} entry={photoOf} onClose={() => setPhotoOf(null)} />}
    </Card>
  );
}

function Acceptance({
  projectId,
  items,
  canEdit,
}: {
  projectId: string;
  items: AcceptanceItem[];
  canEdit: boolean;
}) {
  const w = useWorksWords();
  const { common } = useStaffWords();
  const { pick, lang } = useLang();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AcceptanceItem | null>(null);
  const docs = $api.useQuery(
    'get',
    '/api/v1/projects/{id}/documents',
    { params: { path: { id: projectId } } },
    { enabled: editing !== null },
  );
  const save = useApiMutation(
    (v: {
      item: AcceptanceItem['item'];
      body: Body<'/api/v1/projects/{id}/works/acceptance/{item}', 'put'>;
    }) =>
      answer(
        api.PUT('/api/v1/projects/{id}/works/acceptance/{item}', {
          params: { path: { id: projectId, item: v.item } },
          body: v.body,
        }),
      ),
  );
  return (
    <Card
      size="small"
      title={<h3 className="jw-card-title">{w.acceptance}</h3>}
      extra={<ButtonLink to={`/projects/${projectId}/money?tab=claim`}>{w.subsidyClaim}</ButtonLink>}
    >
      <Typography.Paragraph type="secondary">{w.acceptanceHint}</Typography.Paragraph>
      <ul className="jw-plain-list" aria-label={w.acceptance}>
        {items.map((a) => (
          <li key={a.item} className="jw-step">
            <Flex justify="space-between" align="start" gap={8}>
              <span>
                <Typography.Text strong>{pick(a.label)}</Typography.Text>{' '}
                <StatusTag tone={a.done ? 'done' : 'none'}>{a.done ? w.done : w.notDone}</StatusTag>
              </span>
              {canEdit && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={w.tick(pick(a.label))}
                  onClick={() => setEditing(a)}
                />
              )}
            </Flex>
            <div className="jw-muted">
              {w.document}：{a.documentTitle ?? w.noDocument}
              {a.reference && ` · ${w.reference}：${a.reference}`}
            </div>
            {a.doneAt && (
              <div className="jw-muted">
                {w.tickedBy({ name: a.doneByName ?? '', at: formatDateTime(a.doneAt, lang) })}
              </div>
            )}
          </li>
        ))}
      </ul>
      <RecordFormModal
        open={editing !== null}
        title={editing ? w.tick(pick(editing.label)) : ''}
        fields={[
          {
            name: 'done',
            label: w.status,
            kind: 'select',
            required: true,
            options: [
              { value: 'yes', label: w.done },
              { value: 'no', label: w.notDone },
            ],
          },
          {
            name: 'documentId',
            label: w.document,
            kind: 'select',
            options: (docs.data?.items ?? []).map((d) => ({ value: d.id, label: d.title })),
          },
          ...(editing?.needsReference ? [{ name: 'reference', label: w.reference, max: 60 }] : []),
          { name: 'note', label: w.note, kind: 'textarea' as const, max: 1000 },
        ]}
        initialValues={
          editing
            ? {
                done: editing.done ? 'yes' : 'no',
                documentId: editing.documentId ?? undefined,
                reference: editing.reference,
                note: editing.note,
              }
            : {}
        }
        submit={async (v) => {
          await save.mutateAsync({
            item: editing!.item,
            body: {
              done: v.done === 'yes',
              documentId: (v.documentId as string | undefined) ?? null,
              ...(editing!.needsReference
                ? { reference: ((v.reference as string | undefined) ?? '').trim() }
                : {}),
              note: ((v.note as string | undefined) ?? '').trim(),
            },
          });
          void message.success(common.saved);
        }}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

/** The lift's equipment record (the lifts module), in the lift page's own form. */
function Lift({ projectId, recorded, canEdit }: { projectId: string; recorded: boolean; canEdit: boolean }) {
  const w = useWorksWords();
  const [open, setOpen] = useState(false);
  const lift = $api.useQuery(
    'get',
    '/api/v1/projects/{id}/lift',
    { params: { path: { id: projectId } } },
    { enabled: open },
  );
  return (
    <Card
      size="small"
      title={<h3 className="jw-card-title">{w.lift}</h3>}
      extra={
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>
            {w.editLift}
          </Button>
        )
      }
    >
      <Typography.Text type={recorded ? undefined : 'secondary'}>
        {recorded ? w.liftRecorded : w.liftMissing}
      </Typography.Text>
      {open && !lift.isLoading && (
        <EquipmentFormModal
          lift={lift.data?.lift ?? null}
          projectId={projectId}
          open
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}
