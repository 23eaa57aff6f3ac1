import { Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { $api } from '../../data.ts';
import { useRegistryCrumbs } from './crumbs.ts';
import { useRegistryFields } from './fields.ts';
import { useWords } from './words.ts';

/** One building and its stairwells (单元/门洞), each leading to its elevation diagram. */
export default function BuildingPage() {
  const { id = '' } = useParams();
  const w = useWords();
  const crumbs = useRegistryCrumbs();
  const fields = useRegistryFields();
  const building = $api.useQuery('get', '/api/v1/buildings/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={building.isLoading} error={building.error}>
      {() => {
        const b = building.data!;
        const title = `${b.estateName} ${b.name}`;
        return (
          <>
            <PageHeader
              title={title}
              crumbs={crumbs(
                {
                  committeeId: b.committeeId,
                  committeeName: b.committeeName,
                  estateId: b.estateId,
                  estateName: b.estateName,
                },
                b.name,
              )}
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'floors', label: w.floors, children: b.floors },
                  { key: 'committee', label: w.committee, children: b.committeeName },
                  { key: 'address', label: w.address, children: b.address || '—' },
                ]}
              />
            </PageHeader>
            <ResourceList
              path="/api/v1/stairwells"
              params={{ buildingId: b.id }}
              noun={w.stairwell}
              searchPlaceholder={w.searchStairwells}
              columns={[
                {
                  key: 'name',
                  title: w.stairwell,
                  render: (_, s) => <Link to={`/registry/stairwells/${s.id}`}>{s.name}</Link>,
                },
                { key: 'units', title: w.unitCount, dataIndex: 'unitCount', align: 'right' },
              ]}
              form={{
                fields: () => fields.stairwell,
                toCreateBody: (values) => ({ ...values, buildingId: b.id }),
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}
