import type { TablePaginationConfig } from 'antd';
import type { useListParams } from '../data.ts';
import { useStaffWords } from '../words.ts';

/** Server-side paging of a table, driven by the list's URL parameters. */
export function useTablePagination(
  list: Pick<ReturnType<typeof useListParams>, 'page' | 'pageSize' | 'update'>,
  total: number | undefined,
): TablePaginationConfig {
  const { common } = useStaffWords();
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    responsive: true,
    showTotal: (n) => common.total(n),
    onChange: (page, pageSize) => list.update({ page, pageSize }),
  };
}
