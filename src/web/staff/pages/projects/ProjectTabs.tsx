import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import type { Project } from '../../../shared/types.ts';
import { ApprovalsPanel } from './ApprovalsPanel.tsx';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';
import { WorksPanel } from './WorksPanel.tsx';
import { useWorksWords } from './worksWords.ts';
import { useWords } from './words.ts';

const TABS = ['checklist', 'approvals', 'works', 'documents', 'timeline'] as const;
type Tab = (typeof TABS)[number];

/** The project's work: the method checklist, approval steps, works, documents and timeline; the tab is in the URL. */
export function ProjectTabs({ project: p, canEdit }: { project: Project; canEdit: boolean }) {
  const w = useWords();
  const works = useWorksWords();
  const [search, setSearch] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'checklist';
  return (
    <Card size="small">
      <Tabs
        className="jw-tabs-wrap"
        activeKey={tab}
        onChange={(key) => setSearch((s) => (s.set('tab', key), s), { replace: true })}
        items={[
          {
            key: 'checklist',
            label: w.checklist,
            children: <ChecklistPanel projectId={p.id} stage={p.stage} canEdit={canEdit} />,
          },
          {
            key: 'approvals',
            label: w.approvals,
            children: <ApprovalsPanel projectId={p.id} canEdit={canEdit} />,
          },
          {
            key: 'works',
            label: works.tab,
            children: <WorksPanel projectId={p.id} canEdit={canEdit} />,
          },
          {
            key: 'documents',
            label: w.documentsTab,
            children: <DocumentsPanel projectId={p.id} canEdit={canEdit} />,
          },
          { key: 'timeline', label: w.timeline, children: <TimelinePanel projectId={p.id} /> },
        ]}
      />
    </Card>
  );
}
