import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api } from '../../../shared/api.ts';
import { ElevationDiagram } from '../../../shared/ElevationDiagram.tsx';
import { useStaffWords } from '../../words.ts';
import { useWords as useConsentWords } from '../consent/words.ts';
import { MoneyLabel, MoneyLink } from '../money/MoneyLink.tsx';
import type { Project } from '../../../shared/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useWords as useRegistryWords } from '../registry/words.ts';
import { DATE_FIELDS, datesToBody, projectToValues, useProjectFields } from './fields.ts';
import { StageChangeButton, StageHistory } from './StageChange.tsx';
import { StageCard } from './StageBar.tsx';
import { ProjectTabs } from './ProjectTabs.tsx';
import { StageTag } from './StageTag.tsx';
import { useWords } from './words.ts';

/** A lift project: where, which stage, key dates and the adviser; its stairwell's diagram. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const query = $api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => <ProjectView project={query.data!} />}
    </QueryState>
  );
}

function ProjectView({ project: p }: { project: Project }) {
  const { menu } = useStaffWords();
  const w = useWords();
  const registryWords = useRegistryWords();
  const consentWords = useConsentWords();
  const session = useSession();
  // staff of the committee edit all; the assigned adviser edits the record but cannot reassign it
  const canEdit = session.canWorkOn(p);
  const fields = useProjectFields(session.canWrite);
  const [editing, setEditing] = useState(false);
  const save = useApiMutation((values: Record<string, unknown>) =>
    answer(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: p.id } }, body: datesToBody(values) })),
  );
  const place = `${p.estateName} ${p.buildingName} ${p.stairwellName}`;

  return (
    <>
      <PageHeader
        title={p.name}
        crumbs={[{ label: menu.projects, to: '/projects' }, { label: p.name }]}
        actions={
          canEdit && (
            <>
              <StageChangeButton project={p} />
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {w.edit}
              </Button>
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        <StageCard projectId={p.id} canEdit={canEdit} />
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'stage', label: w.stage, children: <StageTag stage={p.stage} /> },
              {
                key: 'stairwell',
                label: registryWords.stairwell,
                children: <Link to={`/registry/stairwells/${p.stairwellId}`}>{place}</Link>,
              },
              { key: 'committee', label: registryWords.committee, children: p.committeeName },
              {
                key: 'adviser',
                label: w.adviser,
                children: p.adviserName ?? w.unassigned,
              },
              {
                key: 'consultations',
                label: consentWords.title,
                children: <Link to={`/projects/${p.id}/consultations`}>{consentWords.title}</Link>,
              },
              {
                key: 'notices',
                label: menu.notices,
                children: <Link to={`/projects/${p.id}/notices`}>{menu.notices}</Link>,
              },
              { key: 'money', label: <MoneyLabel />, children: <MoneyLink projectId={p.id} /> },
              ...DATE_FIELDS.map((key) => ({ key, label: fields.dateLabel(key), children: p[key] ?? '—' })),
              {
                key: 'note',
                label: w.note,
                children: p.note ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {p.note}
                  </Typography.Paragraph>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Card>
        <ProjectTabs project={p} canEdit={canEdit} />
        <Card size="small" title={w.history}>
          <StageHistory projectId={p.id} />
        </Card>
        <StairwellDiagram stairwellId={p.stairwellId} title={place} />
      </Flex>
      <RecordFormModal
        open={editing}
        title={w.edit}
        fields={[fields.name, ...(session.canWrite ? [fields.adviser] : []), ...fields.dates, fields.note]}
        initialValues={projectToValues(p)}
        submit={(values) => save.mutateAsync(values)}
        onClose={() => setEditing(false)}
      />
    </>
  );
}

/** The stairwell as every module will show it; later modules colour it by vote or payment. */
function StairwellDiagram({ stairwellId, title }: { stairwellId: string; title: string }) {
  const registryWords = useRegistryWords();
  const query = $api.useQuery('get', '/api/v1/stairwells/{id}', { params: { path: { id: stairwellId } } });
  return (
    <Card size="small" title={registryWords.diagramTitle}>
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => (
          <ElevationDiagram
            floors={query.data!.floors}
            units={query.data!.units}
            caption={registryWords.diagramCaption(title)}
          />
        )}
      </QueryState>
    </Card>
  );
}
