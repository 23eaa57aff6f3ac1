import { Select } from 'antd';
import { $api } from '../data.ts';
import { useStaffWords } from '../words.ts';

export function useCommittees() {
  return $api.useQuery('get', '/api/v1/committees').data?.items ?? [];
}

/** Filter by residents' committee; hidden for staff who only see their own. */
export function CommitteeFilter({
  value,
  onChange,
  placeholder,
}: {
  value: string | undefined;
  onChange: (committeeId: string | undefined) => void;
  placeholder?: string;
}) {
  const { common } = useStaffWords();
  const committees = useCommittees();
  if (committees.length < 2) return null;
  return (
    <Select
      allowClear
      aria-label={placeholder ?? common.filterCommittee}
      placeholder={placeholder ?? common.filterCommittee}
      value={value}
      options={committees.map((c) => ({ value: c.id, label: c.name }))}
      onChange={onChange}
      style={{ minWidth: 180 }}
    />
  );
}
