import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch, post, type Page, type QueryParams } from '../../shared/api.ts';
import { useApiMutation, useApiQuery, useListParams } from '../data.ts';
import { useSession } from '../session.tsx';
import type { FieldSpec } from './FormFields.tsx';
import { useTablePagination } from './pagination.ts';
import { QueryState } from './QueryState.tsx';
import { RecordFormModal } from './RecordFormModal.tsx';
import { RowActions } from './RowActions.tsx';

export interface ResourceForm<T> {
  /** the fields; `editing` is null when creating */
  fields: (editing: T | null) => FieldSpec[];
  toCreateBody: (values: Record<string, unknown>) => unknown;
  /** values of the edit form from a row; the row itself by default */
  toValues?: (row: T) => Record<string, unknown>;
  /** values a new record starts with, e.g. the committee the list is filtered by */
  initialCreate?: (filters: Record<string, string | undefined>) => Record<string, unknown>;
}

type Filters = Record<string, string | undefined>;
type UpdateFilters = (changes: Filters) => void;

export interface ResourceListProps<T extends { id: string; name?: string }, P extends Page<T> = Page<T>> {
  /** the list route; create is POST to it, edit PATCH and delete DELETE to `path/:id` */
  path: string;
  /** fixed filters, e.g. the estate whose buildings these are */
  params?: QueryParams;
  /** filters kept in the URL and rendered by `filters` */
  filterKeys?: readonly string[];
  filters?: (values: Filters, update: UpdateFilters) => ReactNode;
  /** above the table, from the same answer (e.g. counts by stage) */
  summary?: (data: P | undefined, values: Filters, update: UpdateFilters) => ReactNode;
  columns: ColumnsType<T>;
  /** the kind of record in the user's language, e.g. "小区" / "estate" */
  noun: string;
  searchPlaceholder: string;
  form?: ResourceForm<T>;
}

/**
 * A paged, searchable registry list with its create, edit and delete. Read-only roles see the
 * list only; the API refuses their writes anyway.
 */
export function ResourceList<T extends { id: string; name?: string }, P extends Page<T> = Page<T>>(props: ResourceListProps<T, P>) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const list = useListParams(props.filterKeys ?? []);
  const query = useApiQuery<P>(props.path, { ...list.params, ...props.params });
  const pagination = useTablePagination(list, query.data?.total);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const save = useApiMutation((values: Record<string, unknown>) =>
    editing === 'new' || editing === null ? post(props.path, props.form!.toCreateBody(values)) : patch(`${props.path}/${editing.id}`, values),
  );
  const remove = useApiMutation((row: T) => del(`${props.path}/${row.id}`));
  const form = canWrite ? props.form : undefined;

  const columns: ColumnsType<T> = form
    ? [
        ...props.columns,
        {
          key: 'actions',
          title: t('common.actions'),
          fixed: 'right',
          render: (_, row) => (
            <RowActions name={row.name ?? ''} onEdit={() => setEditing(row)} onDelete={() => remove.mutateAsync(row)} />
          ),
        },
      ]
    : props.columns;

  const editRow = editing !== 'new' ? editing : null;
  return (
    <section>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} style={{ flex: '1 1 240px' }}>
          <Input.Search
            allowClear
            defaultValue={list.q}
            placeholder={props.searchPlaceholder}
            aria-label={props.searchPlaceholder}
            onSearch={(q) => list.update({ q })}
            style={{ maxWidth: 320 }}
          />
          {props.filters?.(list.filters, list.update)}
        </Flex>
        {form && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('common.createX', { noun: props.noun })}
          </Button>
        )}
      </Flex>
      {props.summary?.(query.data, list.filters, list.update)}
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => (
          <Table<T>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={pagination}
          />
        )}
      </QueryState>
      {form && (
        <RecordFormModal
          open={editing !== null}
          title={editRow ? t('common.editX', { noun: props.noun }) : t('common.createX', { noun: props.noun })}
          fields={form.fields(editRow)}
          initialValues={editRow ? (form.toValues?.(editRow) ?? editRow) : form.initialCreate?.(list.filters)}
          submit={(values) => save.mutateAsync(values)}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
