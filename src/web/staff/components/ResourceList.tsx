import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { useState, type ReactNode } from 'react';
import { answer, api, type Answer, type Body, type ItemOf } from '../../shared/api.ts';
import type { paths } from '../../shared/openapi.gen.ts';
import { $api, useApiMutation, useListParams } from '../data.ts';
import { useSession } from '../session.tsx';
import { useStaffWords } from '../words.ts';
import type { FieldSpec } from './FormFields.tsx';
import { useTablePagination } from './pagination.ts';
import { QueryState } from './QueryState.tsx';
import { RecordFormModal } from './RecordFormModal.tsx';
import { RowActions } from './RowActions.tsx';

type GetPath = PathsWithMethod<paths, 'get'>;

/** The routes that list named records a page at a time: GET answers `items` (each with an id and a name) and `total`. */
export type ListPath = {
  [P in GetPath]: P extends `${string}{${string}`
    ? never
    : Answer<P> extends { items: { id: string; name: string }[]; total: number }
      ? P
      : never;
}[GetPath];

/** A list whose records are created by POST to it, and edited (PATCH) and deleted (DELETE) at `path/{id}`. */
export type EditablePath = {
  [P in ListPath]: P extends PathsWithMethod<paths, 'post'>
    ? `${P}/{id}` extends PathsWithMethod<paths, 'patch'> & PathsWithMethod<paths, 'delete'>
      ? P
      : never
    : never;
}[ListPath];

/** One record of a list route's answer. */
export type ListRow<P extends ListPath> = ItemOf<Answer<P>>;
/** The query a list route takes. */
export type ListQuery<P extends ListPath> = NonNullable<NonNullable<paths[P]['get']>['parameters']['query']>;

export interface ResourceForm<T> {
  /** the fields; `editing` is null when creating */
  fields: (editing: T | null) => FieldSpec[];
  toCreateBody: (values: Record<string, unknown>) => Record<string, unknown>;
  /** values of the edit form from a row; the row itself by default */
  toValues?: (row: T) => Record<string, unknown>;
  /** values a new record starts with, e.g. the committee the list is filtered by */
  initialCreate?: (filters: Record<string, string | undefined>) => Record<string, unknown>;
}

type Filters = Record<string, string | undefined>;
type UpdateFilters = (changes: Filters) => void;

export interface ResourceListProps<P extends ListPath> {
  /** the list route; create is POST to it, edit PATCH and delete DELETE to `path/{id}` */
  path: P;
  /** fixed filters, e.g. the estate whose buildings these are */
  params?: ListQuery<P>;
  /** filters kept in the URL and rendered by `filters` */
  filterKeys?: readonly (keyof ListQuery<P> & string)[];
  filters?: (values: Filters, update: UpdateFilters) => ReactNode;
  /** above the table, from the same answer (e.g. counts by stage) */
  summary?: (data: Answer<P> | undefined, values: Filters, update: UpdateFilters) => ReactNode;
  columns: ColumnsType<ListRow<P>>;
  /** the kind of record in the user's language, e.g. "小区" / "estate" */
  noun: string;
  searchPlaceholder: string;
  /** only for a list whose records the routes create, edit and delete */
  form?: P extends EditablePath ? ResourceForm<ListRow<P>> : never;
}

/** What the list itself reads of a record; the caller's columns read the route's own row type. */
interface NamedRecord {
  id: string;
  name: string;
}

/** The props as the one implementation sees them, whatever the route. */
interface ViewProps extends Omit<ResourceListProps<ListPath>, 'params' | 'summary' | 'columns' | 'form'> {
  params?: ListQuery<ListPath>;
  summary?: (data: Answer<ListPath> | undefined, values: Filters, update: UpdateFilters) => ReactNode;
  columns: ColumnsType<NamedRecord>;
  form?: ResourceForm<NamedRecord>;
}

/**
 * A paged, searchable registry list with its create, edit and delete. Read-only roles see the
 * list only; the API refuses their writes anyway.
 *
 * The route's types check a list where it is used: its filters, the columns (which read the
 * route's row type) and the form (only for a route that creates, edits and deletes). Inside, one
 * implementation serves every list route and reads each row as a named record: the props are
 * cast to that view at this one boundary.
 */
export function ResourceList<P extends ListPath>(props: ResourceListProps<P>) {
  return <ResourceListView {...(props as unknown as ViewProps)} />;
}

function ResourceListView(props: ViewProps) {
  const { common } = useStaffWords();
  const { canWrite } = useSession();
  const list = useListParams(props.filterKeys ?? []);
  // the filters read from the URL are strings (a stage, an id); the route's schema checks them
  const params = { ...list.params, ...props.params } as ListQuery<ListPath>;
  const query = $api.useQuery('get', props.path, { params: { query: params } });
  const pagination = useTablePagination(list, query.data?.total);
  const [editing, setEditing] = useState<NamedRecord | 'new' | null>(null);
  // a form is only accepted for an editable route (ResourceListProps['form'])
  const writes = recordWrites(props.path as EditablePath);
  const save = useApiMutation((values: Record<string, unknown>) =>
    editing === 'new' || editing === null
      ? writes.create(props.form!.toCreateBody(values))
      : writes.update(editing.id, values),
  );
  const remove = useApiMutation((row: NamedRecord) => writes.remove(row.id));
  const form = canWrite ? props.form : undefined;

  const columns: ColumnsType<NamedRecord> = form
    ? [
        ...props.columns,
        {
          key: 'actions',
          title: common.actions,
          fixed: 'right',
          render: (_, row) => (
            <RowActions
              name={row.name}
              onEdit={() => setEditing(row)}
              onDelete={() => remove.mutateAsync(row)}
            />
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
            {common.createX(props.noun)}
          </Button>
        )}
      </Flex>
      {props.summary?.(query.data, list.filters, list.update)}
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => (
          <Table<NamedRecord>
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
          title={editRow ? common.editX(props.noun) : common.createX(props.noun)}
          fields={form.fields(editRow)}
          initialValues={
            editRow ? (form.toValues?.(editRow) ?? { ...editRow }) : form.initialCreate?.(list.filters)
          }
          submit={(values) => save.mutateAsync(values)}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

/**
 * Create, edit and delete of an editable list's records. The bodies are form values, which antd
 * gives untyped: create's is cast to the route's body type at this one boundary (an edit's
 * all-optional body takes them as they are); the route's schema checks them.
 */
function recordWrites(path: EditablePath) {
  const item = `${path}/{id}` as const;
  return {
    create: (body: Record<string, unknown>) =>
      answer(api.POST(path, { body: body as Body<EditablePath, 'post'> })),
    update: (id: string, values: Record<string, unknown>) =>
      answer(api.PATCH(item, { params: { path: { id } }, body: values })),
    remove: (id: string) => answer(api.DELETE(item, { params: { path: { id } } })),
  };
}
