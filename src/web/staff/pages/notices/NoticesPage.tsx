import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Project } from '../../../shared/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { NewCaseModal } from '../mediation/CaseForms.tsx';
import { NoticeCard } from './NoticeCard.tsx';
import { CreateNoticeModal } from './NoticeFormDialogs.tsx';
import { OutcomeTag } from './tags.tsx';
import type { CaseListItem, Notice } from './types.ts';
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
