import { Input, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Committee } from '../../../shared/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useWords } from './words.ts';

/** The registry's entry: the residents' committees in scope, each leading to its estates. */
export default function CommitteesPage() {
  const w = useWords();
  const navigate = useNavigate();
  const query = $api.useQuery('get', '/api/v1/committees');
  return (
    <>
      <PageHeader title={w.committeesTitle}>
        <Input.Search
          allowClear
          placeholder={w.searchEstates}
          aria-label={w.searchEstates}
          onSearch={(q) => navigate(`/registry/estates${q ? `?q=${encodeURIComponent(q)}` : ''}`)}
          style={{ maxWidth: 360, marginTop: 8 }}
        />
      </PageHeader>
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => (
          <Table<Committee>
            rowKey="id"
            dataSource={query.data?.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'name',
                title: w.committee,
                render: (_, c) => <Link to={`/registry/estates?committeeId=${c.id}`}>{c.name}</Link>,
              },
              { key: 'street', title: w.street, dataIndex: 'streetName' },
              { key: 'estates', title: w.estateCount, dataIndex: 'estateCount', align: 'right' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
