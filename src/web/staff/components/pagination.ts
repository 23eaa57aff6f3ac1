import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useListParams } from '../data.ts';

/** Server-side paging of a table, driven by the list's URL parameters. */
export function useTablePagination(
  list: Pick<ReturnType<typeof useListParams>, 'page' | 'pageSize' | 'update'>,
  total: number | undefined,
): TablePaginationConfig {
  const { t } = useTranslation();
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    responsive: true,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (page, pageSize) => list.update({ page, pageSize }),
  };
}
