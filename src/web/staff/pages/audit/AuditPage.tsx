import { Flex, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDateTime } from '../../../shared/format.ts';
import type { AuditEvent } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { DatePicker } from '../../components/DatePicker.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTablePagination } from '../../components/pagination.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useListParams } from '../../data.ts';
import { AuditChanges, hasChanges } from './AuditChanges.tsx';
import { ACTIONS, ENTITIES } from './labels.ts';
import { useAuditLabels, useWords } from './words.ts';

const FILTERS = ['entity', 'action', 'actor', 'from', 'to'] as const;

/** The street's audit log: who changed what and when, with the values before and after. */
export default function AuditPage() {
  const w = useWords();
  const { lang } = useLang();
  const labels = useAuditLabels();
  const list = useListParams(FILTERS);
  const query = $api.useQuery('get', '/api/v1/audit', { params: { query: list.params } });
  const pagination = useTablePagination(list, query.data?.total);
  const { from, to } = list.filters;

  return (
    <>
      <PageHeader title={w.title} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search" aria-label={w.filters}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={w.entity}
          placeholder={w.entity}
          value={list.filters.entity}
          style={{ minWidth: 150 }}
          options={ENTITIES.map((e) => ({ value: e, label: labels.entity(e) }))}
          onChange={(entity?: string) => list.update({ entity })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={w.action}
          placeholder={w.action}
          value={list.filters.action}
          style={{ minWidth: 150 }}
          options={ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))}
          onChange={(action?: string) => list.update({ action })}
        />
        <Input.Search
          allowClear
          aria-label={w.actor}
          placeholder={w.actor}
          defaultValue={list.filters.actor}
          style={{ maxWidth: 220 }}
          onSearch={(actor) => list.update({ actor })}
        />
        <DatePicker.RangePicker
          aria-label={w.dateRange}
          placeholder={[w.from, w.to]}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(range) =>
            list.update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Flex>
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => (
          <Table<AuditEvent>
            rowKey="id"
            size="small"
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            expandable={{
              columnTitle: <span className="jw-visually-hidden">{w.changes}</span>,
              rowExpandable: hasChanges,
              expandedRowRender: (e) => <AuditChanges event={e} />,
            }}
            pagination={pagination}
            columns={[
              {
                key: 'at',
                title: w.at,
                render: (_, e) => <span className="jw-nowrap">{formatDateTime(e.at, lang)}</span>,
              },
              { key: 'actor', title: w.actor, dataIndex: 'actorName' },
              { key: 'action', title: w.action, render: (_, e) => labels.action(e.action) },
              { key: 'entity', title: w.entity, render: (_, e) => labels.entity(e.entity) },
              {
                key: 'entityId',
                title: w.entityId,
                render: (_, e) => (
                  <Typography.Text className="jw-mono" copyable={e.entityId ? { text: e.entityId } : false}>
                    {e.entityId?.slice(0, 8) ?? '—'}
                  </Typography.Text>
                ),
              },
              { key: 'summary', title: w.summary, dataIndex: 'summary' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
