import { Card, Checkbox, Table } from 'antd';
import { Link } from 'react-router';
import type { Answer, ItemOf } from '../../../shared/api.ts';
import { NameCell } from '../../components/cells.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useListParams } from '../../data.ts';
import { NextInspectionTag, NextVisitTag, TermTag } from './UpkeepTags.tsx';
import { useWords } from './words.ts';
import '../notices/notices.css';

type LiftItem = ItemOf<Answer<'/api/v1/lifts'>>;

/** The lifts in service in the caller's scope, with where each one's upkeep stands. */
export default function LiftsPage() {
  const w = useWords();
  const { page, pageSize, filters, update } = useListParams(['attention']);
  const attention = filters.attention === 'overdue' ? 'overdue' : undefined;
  const list = $api.useQuery('get', '/api/v1/lifts', { params: { query: { page, pageSize, attention } } });
  return (
    <>
      <PageHeader title={w.liftList} crumbs={[{ label: w.lifts }]} />
      <Card size="small">
        <div style={{ marginBottom: 12 }}>
          <Checkbox
            checked={attention === 'overdue'}
            onChange={(e) => update({ attention: e.target.checked ? 'overdue' : undefined })}
          >
            {w.onlyAttention}
          </Checkbox>
        </div>
        <QueryState isLoading={list.isLoading} error={list.error}>
          {() => (
            <Table<LiftItem>
              rowKey="id"
              size="small"
              dataSource={list.data!.items}
              scroll={{ x: 'max-content' }}
              locale={{
                emptyText: <span className="jw-empty">{attention ? w.noneNeedAttention : w.noLifts}</span>,
              }}
              pagination={{
                current: page,
                pageSize,
                total: list.data!.total,
                onChange: (p, s) => update({ page: p, pageSize: s }),
                showSizeChanger: false,
              }}
              columns={[
                {
                  key: 'project',
                  title: w.project,
                  render: (_, l) => (
                    <NameCell name={l.projectName}>
                      <Link to={`/lifts/${l.id}`}>{l.projectName}</Link>
                    </NameCell>
                  ),
                },
                { key: 'visit', title: w.nextVisit, render: (_, l) => <NextVisitTag status={l.status} /> },
                {
                  key: 'inspection',
                  title: w.nextInspection,
                  render: (_, l) => <NextInspectionTag status={l.status} />,
                },
                {
                  key: 'contract',
                  title: w.contract,
                  render: (_, l) => <TermTag state={l.status.contract} />,
                },
                {
                  key: 'insurance',
                  title: w.insurance,
                  render: (_, l) => <TermTag state={l.status.insurance} />,
                },
                { key: 'since', title: w.enteredUseOn, render: (_, l) => l.enteredUseOn ?? '—' },
                { key: 'code', title: w.registrationCode, render: (_, l) => l.registrationCode ?? '—' },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
