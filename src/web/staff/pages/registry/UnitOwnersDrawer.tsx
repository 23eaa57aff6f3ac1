import { DeleteOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Grid,
  List,
  Popconfirm,
  Segmented,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { Unit } from '../../../shared/types.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { useFormErrors } from '../../components/formErrors.tsx';
import { PersonIdentity } from '../../components/PersonIdentity.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { useRegistryFields } from './fields.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

/** The owners of one unit: masked identities, reveal, add (new or already registered) and remove. */
export function UnitOwnersDrawer({
  unit,
  title,
  onClose,
}: {
  unit: Unit | null;
  title: string;
  onClose: () => void;
}) {
  const w = useWords();
  const { canWrite } = useSession();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={unit !== null}
      title={title}
      onClose={onClose}
      size={screens.sm ? 480 : '100%'}
      destroyOnHidden
    >
      {unit && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'floor', label: w.floor, children: unit.floor },
              { key: 'room', label: w.room, children: unit.room },
              { key: 'area', label: w.areaM2, children: unit.areaM2 },
            ]}
          />
          <Divider titlePlacement="start">{w.owners}</Divider>
          <OwnerList unit={unit} canWrite={canWrite} />
          {canWrite && (
            <>
              <Divider titlePlacement="start">{w.addOwner}</Divider>
              <AddOwnerForm unitId={unit.id} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

function OwnerList({ unit, canWrite }: { unit: Unit; canWrite: boolean }) {
  const { common } = useStaffWords();
  const w = useWords();
  const { message } = App.useApp();
  const text = useErrorText();
  const remove = useApiMutation((personId: string) =>
    answer(
      api.DELETE('/api/v1/units/{id}/owners/{personId}', { params: { path: { id: unit.id, personId } } }),
    ),
  );
  if (!unit.owners.length) return <Empty description={w.noOwners} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      dataSource={unit.owners}
      rowKey="id"
      renderItem={(owner) => (
        <List.Item
          actions={
            canWrite
              ? [
                  <Popconfirm
                    key="remove"
                    title={w.confirmRemoveOwner(owner.name)}
                    okText={common.remove}
                    cancelText={common.cancel}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove.mutateAsync(owner.id).then(
                        () => message.success(common.saved),
                        (err: unknown) => message.error(text(err)),
                      )
                    }
                  >
                    <Button
                      size="small"
                      type="link"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={w.removeOwnerNamed(owner.name)}
                    >
                      {common.remove}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          {/* not List.Item.Meta: its h4 title would skip heading levels under the page's h1 */}
          <div>
            <Typography.Text strong>{owner.name}</Typography.Text>
            <PersonIdentity person={owner} />
          </div>
        </List.Item>
      )}
    />
  );
}

type AddMode = 'new' | 'existing';

/** A new person, or one already registered (who then counts as one head across their units). */
function AddOwnerForm({ unitId }: { unitId: string }) {
  const { common } = useStaffWords();
  const w = useWords();
  const { message } = App.useApp();
  const fields = useRegistryFields();
  const [mode, setMode] = useState<AddMode>('new');
  const [form] = Form.useForm<Record<string, string>>();
  const errors = useFormErrors(form, ['name', 'idNumber', 'phone', 'personId']);
  const add = useApiMutation((body: Body<'/api/v1/units/{id}/owners'>) =>
    answer(api.POST('/api/v1/units/{id}/owners', { params: { path: { id: unitId } }, body })),
  );

  const submit = async (values: Record<string, string>) => {
    errors.clear();
    const body: Body<'/api/v1/units/{id}/owners'> =
      mode === 'existing'
        ? { personId: values.personId! }
        : {
            name: values.name!,
            ...(values.idNumber ? { idNumber: values.idNumber } : {}),
            ...(values.phone ? { phone: values.phone } : {}),
          };
    try {
      await add.mutateAsync(body);
      void message.success(common.saved);
      form.resetFields();
    } catch (err) {
      errors.show(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Segmented<AddMode>
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'new', label: w.newOwner },
          { value: 'existing', label: w.existingOwner },
        ]}
        style={{ marginBottom: 16 }}
      />
      {mode === 'new' ? <FormFields fields={fields.owner} /> : <ExistingPersonField />}
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {w.addOwner}
      </Button>
    </Form>
  );
}

function ExistingPersonField() {
  const { common } = useStaffWords();
  const w = useWords();
  const rules = useRules();
  const [q, setQ] = useState('');
  const persons = $api.useQuery(
    'get',
    '/api/v1/persons',
    { params: { query: { q, pageSize: 20 } } },
    { enabled: Boolean(q) },
  );
  return (
    <Form.Item
      name="personId"
      label={w.searchOwner}
      rules={rules.choice(w.searchOwner, { required: true })}
      extra={<Typography.Text type="secondary">{w.existingOwnerHelp}</Typography.Text>}
    >
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={w.searchOwnerPlaceholder}
        notFoundContent={q ? common.noMatch : null}
        loading={persons.isFetching}
        options={(persons.data?.items ?? []).map((p) => ({
          value: p.id,
          label: `${p.name} · ${p.idNumber ?? ''} · ${p.units.map((u) => u.label).join('；')}`,
        }))}
      />
    </Form.Item>
  );
}
