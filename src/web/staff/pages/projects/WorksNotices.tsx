/** The works tab's notices to residents (施工公告) and their complaints, and where to write a new one. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { noticeKindAllowed, noticeStage } from '../../../../core/notices.ts';
import { $api } from '../../data.ts';
import { CreateNoticeModal } from '../notices/NoticeFormDialogs.tsx';
import { PhaseTag } from '../notices/tags.tsx';
import { useWorksWords } from './worksWords.ts';

export function WorksNotices({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const w = useWorksWords();
  const [creating, setCreating] = useState(false);
  const project = $api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id: projectId } } });
  const list = $api.useQuery('get', '/api/v1/projects/{id}/notices', { params: { path: { id: projectId } } });
  const items = (list.data?.items ?? []).filter((n) => n.kind === 'works' && n.phase !== 'superseded');
  // a works notice is written from the works on (core noticeKindAllowed), not while ready to build
  const p = project.data;
  const canWrite = canEdit && !!p && noticeKindAllowed('works', noticeStage(p));
  return (
    <Card
      size="small"
      title={<h3 className="jw-card-title">{w.worksNotices}</h3>}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {w.addWorksNotice}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{w.worksNoticesHint}</Typography.Paragraph>
      {items.length === 0 ? (
        <Typography.Paragraph>{w.noWorksNotices}</Typography.Paragraph>
      ) : (
        <ul className="jw-plain-list" aria-label={w.worksNotices}>
          {items.map((n) => (
            <li key={n.id} className="jw-step">
              <Typography.Text strong>{n.title}</Typography.Text> <PhaseTag phase={n.phase} />
              <div className="jw-muted">
                {n.startOn} – {n.endsOn} ·{' '}
                {n.unresolvedObjections ? w.complaintsOpen(n.unresolvedObjections) : w.noOpenComplaints}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Link to={`/projects/${projectId}/notices`}>{w.allNotices}</Link>
      {canEdit && project.data && (
        <CreateNoticeModal
          project={project.data}
          kind="works"
          open={creating}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
