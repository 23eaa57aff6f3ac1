import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Grid, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api, type Body } from '../../../shared/api.ts';
import { ElevationDiagram } from '../../../shared/ElevationDiagram.tsx';
import type { Project, StairwellDetail, Unit } from '../../../shared/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { RowActions } from '../../components/RowActions.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { useWords as useConsentWords } from '../consent/words.ts';
import { NewProjectButton } from '../projects/NewProjectButton.tsx';
import { StageTag } from '../projects/StageTag.tsx';
import { useWords as useProjectWords } from '../projects/words.ts';
import { useRegistryCrumbs } from './crumbs.ts';
import { useRegistryFields } from './fields.ts';
import { ownershipColor, ownershipLegend, ownershipOf } from './ownership.ts';
import { UnitOwnersDrawer } from './UnitOwnersDrawer.tsx';
import { useWords } from './words.ts';

/** One stairwell: its elevation diagram, its units with their owners, and its lift project. */
export default function StairwellPage() {
  const { id = '' } = useParams();
  const query = $api.useQuery('get', '/api/v1/stairwells/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => <Stairwell stairwell={query.data!} />}
    </QueryState>
  );
}

function Stairwell({ stairwell: s }: { stairwell: StairwellDetail }) {
  const { common } = useStaffWords();
  const w = useWords();
  const projectWords = useProjectWords();
  const consentWords = useConsentWords();
  const projectsQuery = $api.useQuery('get', '/api/v1/projects', {
    params: { query: { stairwellId: s.id, pageSize: 20 } },
  });
  const projects = projectsQuery.data?.items;
  const { canWrite } = useSession();
  const crumbs = useRegistryCrumbs();
  const [ownersOf, setOwnersOf] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const title = `${s.estateName} ${s.buildingName} ${s.name}`;
  const unitTitle = (u: Unit) => w.unitTitle({ title, room: u.room });
  const ownersUnit = s.units.find((u) => u.id === ownersOf) ?? null;
  // the first owner, "and n in all" when co-owned
  const ownerNote = ({ owners }: Unit) => {
    if (!owners[0]) return w.noOwnerShort;
    return owners.length > 1 ? w.ownersMore({ name: owners[0].name, n: owners.length }) : owners[0].name;
  };

  return (
    <>
      <PageHeader
        title={title}
        crumbs={crumbs(
          {
            committeeId: s.committeeId,
            committeeName: s.committeeName,
            estateId: s.estateId,
            estateName: s.estateName,
            buildingId: s.buildingId,
            buildingName: s.buildingName,
          },
          s.name,
        )}
        actions={canWrite && projects?.length === 0 ? <NewProjectButton stairwell={s} /> : undefined}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'floors', label: w.floors, children: s.floors },
            { key: 'units', label: w.unitCount, children: s.units.length },
            {
              key: 'project',
              label: projectWords.projectLabel,
              children: projects?.length ? (
                <ProjectLinks projects={projects} />
              ) : projects ? (
                projectWords.none
              ) : (
                '…'
              ),
            },
            {
              key: 'whatIf',
              label: consentWords.whatIf,
              children: <Link to={`/registry/stairwells/${s.id}/what-if`}>{consentWords.whatIf}</Link>,
            },
          ]}
        />
      </PageHeader>
      <Flex vertical gap={16}>
        <Card title={w.diagramTitle} size="small">
          <ElevationDiagram
            floors={s.floors}
            units={s.units}
            caption={w.diagramCaption(title)}
            cellColor={ownershipColor}
            cellNote={ownerNote}
            cellStatus={(u) => w.ownership[ownershipOf(u)]}
            onCellClick={(u) => setOwnersOf(u.id)}
            selectedId={ownersOf}
            legend={ownershipLegend((o) => w.ownership[o])}
          />
        </Card>
        <Card
          title={w.unitsTitle}
          size="small"
          extra={
            canWrite && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {common.createX(w.unit)}
              </Button>
            )
          }
        >
          <UnitTable
            units={s.units}
            canWrite={canWrite}
            onOwners={(u) => setOwnersOf(u.id)}
            onEdit={setEditing}
          />
        </Card>
      </Flex>
      <UnitOwnersDrawer
        unit={ownersUnit}
        title={ownersUnit ? unitTitle(ownersUnit) : ''}
        onClose={() => setOwnersOf(null)}
      />
      {canWrite && <UnitFormModal stairwell={s} editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function ProjectLinks({ projects }: { projects: Pick<Project, 'id' | 'name' | 'stage'>[] }) {
  return (
    <Flex wrap gap={8}>
      {projects.map((p) => (
        <span key={p.id}>
          <Link to={`/projects/${p.id}`}>{p.name}</Link> <StageTag stage={p.stage} />
        </span>
      ))}
    </Flex>
  );
}

function UnitTable({
  units,
  canWrite,
  onOwners,
  onEdit,
}: {
  units: Unit[];
  canWrite: boolean;
  onOwners: (u: Unit) => void;
  onEdit: (u: Unit) => void;
}) {
  const { common } = useStaffWords();
  const w = useWords();
  const remove = useApiMutation((u: Unit) =>
    answer(api.DELETE('/api/v1/units/{id}', { params: { path: { id: u.id } } })),
  );
  const words = Boolean(Grid.useBreakpoint().sm);
  const ownersButton = (u: Unit) => (
    <Button
      size="small"
      type="link"
      icon={<TeamOutlined />}
      onClick={() => onOwners(u)}
      aria-label={w.ownersOfRoom(u.room)}
    >
      {words && w.owners}
    </Button>
  );
  return (
    <Table<Unit>
      rowKey="id"
      size="small"
      dataSource={[...units].sort(
        (a, b) => b.floor - a.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
      )}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'floor', title: w.floor, dataIndex: 'floor', align: 'right' },
        { key: 'room', title: w.room, dataIndex: 'room' },
        { key: 'area', title: w.areaM2, dataIndex: 'areaM2', align: 'right' },
        {
          key: 'owners',
          title: w.owners,
          render: (_, u) => u.owners.map((o) => o.name).join('、') || '—',
        },
        {
          key: 'actions',
          title: common.actions,
          render: (_, u) =>
            canWrite ? (
              <RowActions
                name={u.room}
                extra={ownersButton(u)}
                onEdit={() => onEdit(u)}
                onDelete={() => remove.mutateAsync(u)}
              />
            ) : (
              ownersButton(u)
            ),
        },
      ]}
    />
  );
}

function UnitFormModal({
  stairwell,
  editing,
  onClose,
}: {
  stairwell: StairwellDetail;
  editing: Unit | 'new' | null;
  onClose: () => void;
}) {
  const { common } = useStaffWords();
  const w = useWords();
  const fields = useRegistryFields();
  // the form's values are untyped (antd): a new unit's are cast to the route's body here, checked by its schema
  const save = useApiMutation((values: Record<string, unknown>) =>
    editing === 'new' || editing === null
      ? answer(
          api.POST('/api/v1/units', {
            body: { ...values, stairwellId: stairwell.id } as Body<'/api/v1/units', 'post'>,
          }),
        )
      : answer(api.PATCH('/api/v1/units/{id}', { params: { path: { id: editing.id } }, body: values })),
  );
  const editUnit = editing === 'new' ? null : editing;
  return (
    <RecordFormModal
      open={editing !== null}
      title={editUnit ? common.editX(w.unit) : common.createX(w.unit)}
      fields={fields.unit(stairwell.floors)}
      initialValues={
        editUnit ? { floor: editUnit.floor, room: editUnit.room, areaM2: editUnit.areaM2 } : undefined
      }
      submit={(values) => save.mutateAsync(values)}
      onClose={onClose}
    />
  );
}
