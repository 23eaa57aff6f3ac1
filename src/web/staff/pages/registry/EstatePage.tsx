import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { $api } from '../../data.ts';
import { useRegistryCrumbs } from './crumbs.ts';
import { useRegistryFields } from './fields.ts';

/** One estate and its buildings. */
export default function EstatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
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
                  { key: 'committee', label: t('registry.committee'), children: e.committeeName },
                  { key: 'address', label: t('registry.address'), children: e.address || '—' },
                ]}
              />
            </PageHeader>
            <ResourceList
              path="/api/v1/buildings"
              params={{ estateId: e.id }}
              noun={t('registry.building')}
              searchPlaceholder={t('registry.searchBuildings')}
              columns={[
                {
                  key: 'name',
                  title: t('registry.building'),
                  render: (_, b) => <Link to={`/registry/buildings/${b.id}`}>{b.name}</Link>,
                },
                { key: 'floors', title: t('registry.floors'), dataIndex: 'floors', align: 'right' },
                {
                  key: 'stairwells',
                  title: t('registry.stairwellCount'),
                  dataIndex: 'stairwellCount',
                  align: 'right',
                },
                { key: 'address', title: t('registry.address'), dataIndex: 'address' },
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
