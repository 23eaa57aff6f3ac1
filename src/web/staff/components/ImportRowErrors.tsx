import { Alert, Table } from 'antd';
import type { RowIssue } from '../../../core/errors.ts';
import { useLang } from '../../shared/words.ts';
import { useStaffWords } from '../words.ts';

/** A rejected file: what was refused, then every problem by row and column (registry and holiday imports). */
export function ImportRowErrors({
  title,
  message,
  rows,
}: {
  title: string;
  message: string;
  rows: RowIssue[];
}) {
  const { importErrors } = useStaffWords();
  const { isEn } = useLang();
  return (
    <>
      <Alert type="error" showIcon title={title} description={message} style={{ marginBottom: 12 }} />
      <Table<RowIssue>
        rowKey={(r) => `${r.row}:${r.column}:${r.messageEn}`}
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'row', title: importErrors.row, dataIndex: 'row', align: 'right', width: 56 },
          { key: 'column', title: importErrors.column, dataIndex: 'column', width: '30%' },
          { key: 'reason', title: importErrors.reason, render: (_, r) => (isEn ? r.messageEn : r.message) },
        ]}
      />
    </>
  );
}
