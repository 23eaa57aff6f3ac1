import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../data.ts';

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
  const { t } = useTranslation();
  const committees = useCommittees();
  if (committees.length < 2) return null;
  return (
    <Select
      allowClear
      aria-label={placeholder ?? t('registry.filterCommittee')}
      placeholder={placeholder ?? t('registry.filterCommittee')}
      value={value}
      options={committees.map((c) => ({ value: c.id, label: c.name }))}
      onChange={onChange}
      style={{ minWidth: 180 }}
    />
  );
}
