import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import { useLang } from '../../../shared/i18n.ts';
import { CommitteeFilter } from '../../components/CommitteeFilter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { StageTag } from './StageTag.tsx';

/** Lift projects in scope, counted and filtered by stage. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('projects.title')} />
      <ResourceList
        path="/api/v1/projects"
        noun={t('projects.project')}
        searchPlaceholder={t('projects.search')}
        filterKeys={['stage', 'committeeId']}
        filters={(values, update) => (
          <CommitteeFilter value={values.committeeId} onChange={(committeeId) => update({ committeeId })} />
        )}
        summary={(data, values, update) => (
          <StageCounts
            byStage={data?.byStage ?? {}}
            selected={values.stage as Stage | undefined}
            onSelect={(stage) => update({ stage })}
          />
        )}
        columns={[
          {
            key: 'name',
            title: t('projects.name'),
            render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
          },
          { key: 'stage', title: t('projects.stage'), render: (_, p) => <StageTag stage={p.stage} /> },
          { key: 'committee', title: t('registry.committee'), dataIndex: 'committeeName' },
          { key: 'adviser', title: t('projects.adviser'), render: (_, p) => p.adviserName ?? '—' },
          {
            key: 'mobilisedOn',
            title: t('projects.dates.mobilisedOn'),
            render: (_, p) => p.mobilisedOn ?? '—',
          },
        ]}
      />
    </>
  );
}

/** Counts by stage from the list's answer; choosing one filters the list. */
function StageCounts({
  byStage,
  selected,
  onSelect,
}: {
  byStage: Partial<Record<Stage, number>>;
  selected?: Stage | undefined;
  onSelect: (stage?: Stage) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const total = Object.values(byStage).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <Flex wrap gap={6} role="group" aria-label={t('projects.byStage')} style={{ marginBottom: 12 }}>
      <Tag.CheckableTag checked={!selected} onChange={() => onSelect(undefined)}>
        {t('projects.allStages')} {total}
      </Tag.CheckableTag>
      {STAGES.filter((s) => byStage[s]).map((s) => (
        <Tag.CheckableTag key={s} checked={selected === s} onChange={(on) => onSelect(on ? s : undefined)}>
          {pick(STAGE_LABELS[s])} {byStage[s]}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}
