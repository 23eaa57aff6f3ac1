import { Link } from 'react-router';
import { CommitteeFilter, useCommittees } from '../../components/CommitteeFilter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { useStaffWords } from '../../words.ts';
import { useRegistryFields } from './fields.ts';
import { useWords } from './words.ts';

/** Estates of the committees in scope, filtered by committee and searched by name or address. */
export default function EstatesPage() {
  const { menu } = useStaffWords();
  const w = useWords();
  const fields = useRegistryFields();
  const committees = useCommittees();
  const committeeOptions = committees.map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <PageHeader
        title={w.estatesTitle}
        crumbs={[{ label: menu.registry, to: '/registry' }, { label: w.estatesTitle }]}
      />
      <ResourceList
        path="/api/v1/estates"
        noun={w.estate}
        searchPlaceholder={w.searchEstates}
        filterKeys={['committeeId']}
        filters={(values, update) => (
          <CommitteeFilter value={values.committeeId} onChange={(committeeId) => update({ committeeId })} />
        )}
        columns={[
          {
            key: 'name',
            title: w.estate,
            render: (_, e) => <Link to={`/registry/estates/${e.id}`}>{e.name}</Link>,
          },
          { key: 'committee', title: w.committee, dataIndex: 'committeeName' },
          { key: 'address', title: w.address, dataIndex: 'address' },
          {
            key: 'buildings',
            title: w.buildingCount,
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
