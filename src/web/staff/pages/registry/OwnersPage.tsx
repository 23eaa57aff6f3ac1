import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonIdentity } from '../../components/PersonIdentity.tsx';
import { ResourceList } from '../../components/ResourceList.tsx';

/** Owners in scope by name, masked, each with the units they own (one person, one head). */
export default function OwnersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('registry.ownersTitle')}
        crumbs={[{ label: t('menu.registry'), to: '/registry' }, { label: t('registry.ownersTitle') }]}
      />
      <ResourceList
        path="/api/v1/persons"
        noun={t('registry.owner')}
        searchPlaceholder={t('registry.searchOwners')}
        columns={[
          { key: 'name', title: t('registry.ownerName'), dataIndex: 'name' },
          { key: 'identity', title: t('registry.identity'), render: (_, p) => <PersonIdentity person={p} /> },
          {
            key: 'units',
            title: t('registry.ownedUnits'),
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
