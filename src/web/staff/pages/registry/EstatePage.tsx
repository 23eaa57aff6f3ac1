import { Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { $api } from '../../data.ts';
import { useRegistryCrumbs } from './crumbs.ts';
import { useRegistryFields } from './fields.ts';
import { useWords } from './words.ts';

/** One estate and its buildings. */
export default function EstatePage() {
  const { id = '' } = useParams();
  const w = useWords();
  const crumbs = useRegistryCrumbs();
  const fields = useRegistryFields();
  const estate = $api.useQuery('get', '/api/v1/estates/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={estate.isLoading} error={estate.error}>
      {() => {
        const e = estate.data!;
        return (
          <>
            <PageHeader
              title={e.name}
              crumbs={crumbs({ committeeId: e.committeeId, committeeName: e.committeeName }, e.name)}
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'committee', label: w.committee, children: e.committeeName },
                  { key: 'address', label: w.address, children: e.address || '—' },
                ]}
              />
            </PageHeader>
            <ResourceList
              path="/api/v1/buildings"
              params={{ estateId: e.id }}
              noun={w.building}
              searchPlaceholder={w.searchBuildings}
              columns={[
                {
                  key: 'name',
                  title: w.building,
                  render: (_, b) => <Link to={`/registry/buildings/${b.id}`}>{b.name}</Link>,
                },
                { key: 'floors', title: w.floors, dataIndex: 'floors', align: 'right' },
                {
                  key: 'stairwells',
                  title: w.stairwellCount,
                  dataIndex: 'stairwellCount',
                  align: 'right',
                },
                { key: 'address', title: w.address, dataIndex: 'address' },
              ]}
              form={{
                fields: () => fields.building,
                toCreateBody: (values) => ({ ...values, estateId: e.id }),
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}
