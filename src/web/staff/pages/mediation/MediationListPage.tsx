import { Card, Select, Table } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useListParams } from '../../data.ts';
import { OutcomeTag } from '../notices/tags.tsx';
import { CLOSING_OUTCOMES, OUTCOMES } from '../../../../core/mediation.ts';
import type { CaseListItem } from '../notices/types.ts';
import { useWords } from '../notices/words.ts';
import '../notices/notices.css';
import { NameCell } from '../../components/cells.tsx';

/** The committee's mediation cases (its own scope), open ones first by default. */
export default function MediationListPage() {
  const w = useWords();
  const { page, pageSize, filters, update } = useListParams(['status']);
  const status = filters.status ?? 'open';
  // 'all' (or anything but an outcome) leaves the filter out
  const outcome = OUTCOMES.find((o) => o === status);
  const list = $api.useQuery('get', '/api/v1/mediation', {
    params: { query: { page, pageSize, status: outcome } },
  });
  return (
    <>
      <PageHeader title={w.mediationList} crumbs={[{ label: w.mediation }]} />
      <Card size="small">
        <div style={{ marginBottom: 12 }}>
          <Select
            aria-label={w.filterStatus}
            value={status}
            style={{ minWidth: 160 }}
            onChange={(v: string) => update({ status: v === 'open' ? undefined : v })}
            options={[
              { value: 'open', label: w.outcomes.open },
              ...CLOSING_OUTCOMES.map((o) => ({ value: o, label: w.outcomes[o] })),
              { value: 'all', label: w.all },
            ]}
          />
        </div>
        <QueryState isLoading={list.isLoading} error={list.error}>
          {() => (
            <Table<CaseListItem>
              rowKey="id"
              size="small"
              dataSource={list.data!.items}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <span className="jw-empty">{w.noOpenCases}</span> }}
              pagination={{
                current: page,
                pageSize,
                total: list.data!.total,
                onChange: (p, s) => update({ page: p, pageSize: s }),
                showSizeChanger: false,
              }}
              columns={[
                {
                  key: 'title',
                  title: w.caseTitle,
                  render: (_, c) => (
                    <NameCell name={c.title}>
                      <Link to={`/mediation/${c.id}`}>{c.title}</Link>
                    </NameCell>
                  ),
                },
                {
                  key: 'project',
                  title: w.project,
                  render: (_, c) => <Link to={`/projects/${c.projectId}/notices`}>{c.projectName}</Link>,
                },
                { key: 'kind', title: w.caseKind, render: (_, c) => w.mediationKinds[c.kind] },
                { key: 'opened', title: w.openedOn, dataIndex: 'openedOn' },
                { key: 'sessions', title: w.sessionsCount, align: 'right', dataIndex: 'sessionCount' },
                { key: 'last', title: w.lastSession, render: (_, c) => c.lastSessionOn ?? '—' },
                { key: 'outcome', title: w.outcome, render: (_, c) => <OutcomeTag outcome={c.outcome} /> },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
