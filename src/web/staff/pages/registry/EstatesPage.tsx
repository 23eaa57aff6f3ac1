import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitteeFilter, useCommittees } from '../../components/CommitteeFilter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { useRegistryFields } from './fields.ts';

/** Estates of the committees in scope, filtered by committee and searched by name or address. */
export default function EstatesPage() {
  const { t } = useTranslation();
  const fields = useRegistryFields();
  const committees = useCommittees();
  const committeeOptions = committees.map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <PageHeader
        title={t('registry.estatesTitle')}
        crumbs={[{ label: t('menu.registry'), to: '/registry' }, { label: t('registry.estatesTitle') }]}
      />
      <ResourceList
        path="/api/v1/estates"
        noun={t('registry.estate')}
        searchPlaceholder={t('registry.searchEstates')}
        filterKeys={['committeeId']}
        filters={(values, update) => (
          <CommitteeFilter value={values.committeeId} onChange={(committeeId) => update({ committeeId })} />
        )}
        columns={[
          {
            key: 'name',
            title: t('registry.estate'),
            render: (_, e) => <Link to={`/registry/estates/${e.id}`}>{e.name}</Link>,
          },
          { key: 'committee', title: t('registry.committee'), dataIndex: 'committeeName' },
          { key: 'address', title: t('registry.address'), dataIndex: 'address' },
          {
            key: 'buildings',
            title: t('registry.buildingCount'),
            dataIndex: 'buildingCount',
            align: 'right',
          },
        ]}
        form={{
          fields: (editing) =>
            editing ? fields.estate : [{ ...fields.committee, options: committeeOptions }, ...fields.estate],
          toCreateBody: (values) => values,
          // the committee the list shows, or the only one the user has
          initialCreate: (filters) => ({
            committeeId: filters.committeeId ?? (committees.length === 1 ? committees[0]!.id : undefined),
          }),
        }}
      />
    </>
  );
}
