import { Alert, Button, Card, Descriptions, Empty, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { DatePicker } from '../../components/DatePicker.ts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api, ApiError, type Body } from '../../../shared/api.ts';
import type { Project } from '../../../shared/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession, useToday } from '../../session.tsx';
import { postForm } from '../consent/postForm.ts';
import { GovernanceTag, ObjectionTag, OutcomeTag } from '../notices/tags.tsx';
import { CLOSING_OUTCOMES, GOVERNANCES } from '../../../../core/mediation.ts';
import type { MediationCase } from '../notices/types.ts';
import { useWords } from '../notices/words.ts';
import { RequiredCheckboxGroup } from '../../components/FormFields.tsx';
import { FileInput, formBody, WriteModal } from '../../components/WriteModal.tsx';
import { PartiesModal } from './CaseForms.tsx';
import '../notices/notices.css';
import { useRules } from '../../components/rules.ts';

/** One mediation case: the dispute, parties, where it came from, sessions, agreement, outcome. */
export default function MediationCasePage() {
  const { id = '' } = useParams();
  const found = $api.useQuery('get', '/api/v1/mediation/{id}', { params: { path: { id } } });
  const projectId = found.data?.projectId;
  const project = $api.useQuery(
    'get',
    '/api/v1/projects/{id}',
    { params: { path: { id: projectId ?? '' } } },
    { enabled: Boolean(projectId) },
  );
  return (
    <QueryState isLoading={found.isLoading} error={found.error}>
      {() => <CaseView c={found.data!} project={project.data} />}
    </QueryState>
  );
}

type Dialog = null | 'session' | 'parties' | 'agreement' | 'close';

function CaseView({ c, project }: { c: MediationCase; project: Project | undefined }) {
  const w = useWords();
  const { canWrite } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = c.outcome === 'open';
  return (
    <>
      <PageHeader
        title={c.title}
        crumbs={[
          { label: w.mediation, to: '/mediation' },
          ...(project ? [{ label: project.name, to: `/projects/${project.id}/notices` }] : []),
          { label: c.title },
        ]}
        actions={
          canWrite && (
            <>
              {open && (
                <Button type="primary" onClick={() => setDialog('session')}>
                  {w.addSession}
                </Button>
              )}
              {open && <Button onClick={() => setDialog('parties')}>{w.editParties}</Button>}
              <Button onClick={() => setDialog('agreement')}>
                {c.agreement ? w.replaceAgreement : w.uploadAgreement}
              </Button>
              {open && <Button onClick={() => setDialog('close')}>{w.close}</Button>}
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          {!open && (
            <Alert
              type={c.outcome === 'agreed' ? 'success' : 'info'}
              showIcon
              title={w.closedAs(w.outcomes[c.outcome], c.closedOn ?? '')}
              description={c.outcomeNote || undefined}
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'outcome', label: w.outcome, children: <OutcomeTag outcome={c.outcome} /> },
              { key: 'kind', label: w.caseKind, children: w.mediationKinds[c.kind] },
              {
                key: 'project',
                label: w.project,
                children: project ? <Link to={`/projects/${project.id}/notices`}>{project.name}</Link> : '…',
              },
              { key: 'opened', label: w.openedOn, children: c.openedOn },
              ...(c.closedOn ? [{ key: 'closed', label: w.closedOn, children: c.closedOn }] : []),
              {
                key: 'desc',
                label: w.description,
                span: 'filled' as const,
                children: <span className="jw-session__notes">{c.description || '—'}</span>,
              },
              ...(c.sourceComplaint
                ? [
                    {
                      key: 'complaint',
                      label: w.complaint,
                      span: 'filled' as const,
                      children: c.sourceComplaint,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {c.sourceObjection && (
          <Card size="small" title={<h2 className="jw-card-title">{w.sourceObjection}</h2>}>
            <blockquote className="jw-quote">{c.sourceObjection.text}</blockquote>
            <Space wrap>
              <span>
                {[c.sourceObjection.fromLabel, c.sourceObjection.fromName].filter(Boolean).join(' ')}
              </span>
              <span>
                {w.receivedOn} {c.sourceObjection.receivedOn}
              </span>
              <ObjectionTag status={c.sourceObjection.status} />
              <Link to={`/projects/${c.projectId}/notices`}>{w.notices}</Link>
            </Space>
          </Card>
        )}
        <Card size="small" title={<h2 className="jw-card-title">{w.parties}</h2>}>
          {c.parties.length === 0 ? (
            <Typography.Text>{w.noParties}</Typography.Text>
          ) : (
            <ul className="jw-plain-list">
              {c.parties.map((p) => (
                <li key={p.id}>
                  {w.roles[p.role]}：{[p.unitLabel, p.name].filter(Boolean).join(' ')}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card size="small" title={<h2 className="jw-card-title">{w.sessions}</h2>}>
          {c.sessions.length === 0 ? (
            <Empty description={w.noSessions} />
          ) : (
            <ol className="jw-plain-list" aria-label={w.sessions}>
              {c.sessions.map((s) => (
                <li key={s.id} className="jw-session">
                  <div className="jw-session__head">
                    <strong>{s.heldOn}</strong>
                    {s.governance.map((g) => (
                      <GovernanceTag key={g} governance={g} />
                    ))}
                  </div>
                  <p className="jw-session__notes">{s.notes}</p>
                  <Typography.Text type="secondary">
                    {[s.attendees && `${w.attendees}：${s.attendees}`, `${w.by}：${s.byName}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card size="small" title={<h2 className="jw-card-title">{w.agreement}</h2>}>
          {c.agreement ? (
            <a
              href={`/api/v1/mediation/${c.id}/agreement`}
              aria-label={w.download(c.agreement.name ?? w.agreement)}
            >
              {c.agreement.name ?? w.agreement}
            </a>
          ) : (
            <Typography.Text>{w.noAgreement}</Typography.Text>
          )}
        </Card>
      </Flex>
      {canWrite && (
        <>
          <SessionModal c={c} open={dialog === 'session'} onClose={() => setDialog(null)} />
          <PartiesModal
            c={c}
            stairwellId={project?.stairwellId}
            open={dialog === 'parties'}
            onClose={() => setDialog(null)}
          />
          <AgreementModal c={c} open={dialog === 'agreement'} onClose={() => setDialog(null)} />
          <CloseModal c={c} open={dialog === 'close'} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}

function SessionModal({ c, open, onClose }: { c: MediationCase; open: boolean; onClose: () => void }) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const add = useApiMutation((body: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/mediation/{id}/sessions', {
        params: { path: { id: c.id } },
        body: body as Body<'/api/v1/mediation/{id}/sessions'>,
      }),
    ),
  );
  return (
    <WriteModal
      open={open}
      title={w.addSession}
      fieldNames={['heldOn', 'notes', 'governance', 'attendees']}
      initialValues={{ heldOn: today.day, governance: [] }}
      submit={(v) => add.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Form.Item name="heldOn" label={w.heldOn} rules={rules.choice(w.heldOn, { required: true })}>
        <DatePicker style={{ width: '100%' }} disabledDate={today.isAfterToday} />
      </Form.Item>
      <Form.Item
        name="governance"
        label={w.governance}
        extra={w.governanceHelp}
        rules={rules.choice(w.governance, { required: true })}
      >
        <RequiredCheckboxGroup options={GOVERNANCES.map((g) => ({ value: g, label: w.governances[g] }))} />
      </Form.Item>
      <Form.Item name="notes" label={w.notes} rules={rules.text(w.notes, { required: true, max: 10000 })}>
        <Input.TextArea rows={4} maxLength={10000} />
      </Form.Item>
      <Form.Item name="attendees" label={w.attendees} rules={rules.text(w.attendees, { max: 500 })}>
        <Input maxLength={500} />
      </Form.Item>
    </WriteModal>
  );
}

function AgreementModal({ c, open, onClose }: { c: MediationCase; open: boolean; onClose: () => void }) {
  const w = useWords();
  const { csrfToken } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useApiMutation((f: File) =>
    postForm('/api/v1/mediation/{id}/agreement', { id: c.id }, csrfToken, {}, f),
  );
  return (
    <WriteModal
      open={open}
      title={c.agreement ? w.replaceAgreement : w.uploadAgreement}
      fieldNames={['file']}
      submit={() =>
        file
          ? upload.mutateAsync(file)
          : Promise.reject(
              new ApiError(400, { code: 'bad_input', message: w.fileRequired, messageEn: w.fileRequired }),
            )
      }
      onClose={onClose}
    >
      {open && <FileInput label={w.evidenceFile} required onFile={setFile} />}
    </WriteModal>
  );
}

function CloseModal({ c, open, onClose }: { c: MediationCase; open: boolean; onClose: () => void }) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const close = useApiMutation((body: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/mediation/{id}/close', {
        params: { path: { id: c.id } },
        body: body as Body<'/api/v1/mediation/{id}/close'>,
      }),
    ),
  );
  return (
    <WriteModal
      open={open}
      title={w.closeTitle}
      okText={w.close}
      fieldNames={['outcome', 'note', 'closedOn']}
      initialValues={{ outcome: 'agreed', closedOn: today.day }}
      submit={(v) => close.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      {c.sessions.length === 0 && (
        <Alert type="warning" showIcon title={w.noSessions} style={{ marginBottom: 12 }} />
      )}
      <Form.Item name="outcome" label={w.outcome} rules={rules.choice(w.outcome, { required: true })}>
        <Select options={CLOSING_OUTCOMES.map((o) => ({ value: o, label: w.outcomes[o] }))} />
      </Form.Item>
      <Form.Item name="closedOn" label={w.closedOn}>
        <DatePicker style={{ width: '100%' }} disabledDate={today.isAfterToday} />
      </Form.Item>
      <Form.Item name="note" label={w.outcomeNote} rules={rules.text(w.outcomeNote, { max: 5000 })}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </WriteModal>
  );
}
