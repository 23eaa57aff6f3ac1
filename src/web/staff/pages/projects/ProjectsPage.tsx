import { Flex, Tag } from 'antd';
import { Link } from 'react-router';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import { useLang } from '../../../shared/words.ts';
import { CommitteeFilter } from '../../components/CommitteeFilter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { useWords as useRegistryWords } from '../registry/words.ts';
import { StageTag } from './StageTag.tsx';
import { useWords } from './words.ts';
import { NameCell } from '../../components/cells.tsx';

/** Lift projects in scope, counted and filtered by stage. */
export default function ProjectsPage() {
  const w = useWords();
  const registryWords = useRegistryWords();
  return (
    <>
      <PageHeader title={w.title} />
      <ResourceList
        path="/api/v1/projects"
        noun={w.project}
        searchPlaceholder={w.search}
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
            title: w.name,
            render: (_, p) => (
              <NameCell name={p.name}>
                <Link to={`/projects/${p.id}`}>{p.name}</Link>
              </NameCell>
            ),
          },
          { key: 'stage', title: w.stage, render: (_, p) => <StageTag stage={p.stage} /> },
          { key: 'committee', title: registryWords.committee, dataIndex: 'committeeName' },
          { key: 'adviser', title: w.adviser, render: (_, p) => p.adviserName ?? '—' },
          {
            key: 'mobilisedOn',
            title: w.dateFields.mobilisedOn,
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
  const w = useWords();
  const { pick } = useLang();
  const total = Object.values(byStage).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <Flex wrap gap={6} role="group" aria-label={w.byStage} style={{ marginBottom: 12 }}>
      <Tag.CheckableTag checked={!selected} onChange={() => onSelect(undefined)}>
        {w.allStages} {total}
      </Tag.CheckableTag>
      {STAGES.filter((s) => byStage[s]).map((s) => (
        <Tag.CheckableTag key={s} checked={selected === s} onChange={(on) => onSelect(on ? s : undefined)}>
          {pick(STAGE_LABELS[s])} {byStage[s]}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}
