import { Flex } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonIdentity } from '../../components/PersonIdentity.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';
import { useStaffWords } from '../../words.ts';
import { useWords } from './words.ts';

/** Owners in scope by name, masked, each with the units they own (one person, one head). */
export default function OwnersPage() {
  const { menu } = useStaffWords();
  const w = useWords();
  return (
    <>
      <PageHeader
        title={w.ownersTitle}
        crumbs={[{ label: menu.registry, to: '/registry' }, { label: w.ownersTitle }]}
      />
      <ResourceList
        path="/api/v1/persons"
        noun={w.owner}
        searchPlaceholder={w.searchOwners}
        columns={[
          { key: 'name', title: w.ownerName, dataIndex: 'name' },
          { key: 'identity', title: w.identity, render: (_, p) => <PersonIdentity person={p} /> },
          {
            key: 'units',
            title: w.ownedUnits,
            render: (_, p) => (
              <Flex vertical gap={2}>
                {p.units.map((u) => (
                  <Link key={u.unitId} to={`/registry/stairwells/${u.stairwellId}`}>
                    {u.label}
                  </Link>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
