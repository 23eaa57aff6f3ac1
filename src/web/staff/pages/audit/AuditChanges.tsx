import { Table } from 'antd';
import type { AuditEvent } from '../../../shared/types.ts';
import { useWords } from './words.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asFields = (v: unknown): Record<string, unknown> => (v == null ? {} : isRecord(v) ? v : { value: v });

export const hasChanges = (e: AuditEvent) => e.before != null || e.after != null;

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field by field, the values before and after a write (one side is empty for create/delete). */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const w = useWords();
  const before = asFields(event.before);
  const after = asFields(event.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const rows = fields.map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
  return (
    <Table
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'field', title: w.field, dataIndex: 'field' },
        { key: 'before', title: w.before, dataIndex: 'before', className: 'jw-audit-before' },
        { key: 'after', title: w.after, dataIndex: 'after', className: 'jw-audit-after' },
      ]}
    />
  );
}
