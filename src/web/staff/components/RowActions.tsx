import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Grid, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../data.ts';
import { useStaffWords } from '../words.ts';

/**
 * Edit and delete of one row. A refused delete (something still depends on the record) shows
 * the API's reason, which names what is in the way.
 */
export function RowActions({
  name,
  onEdit,
  onDelete,
  extra,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  extra?: ReactNode;
}) {
  const { common } = useStaffWords();
  const { message } = App.useApp();
  const text = useErrorText();
  // on a phone the buttons keep their icons and accessible names, not their words
  const words = Boolean(Grid.useBreakpoint().sm);
  const confirmDelete = async () => {
    try {
      await onDelete();
      void message.success(common.deleted);
    } catch (err) {
      void message.error(text(err));
    }
  };
  return (
    <Space size={4}>
      {extra}
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        onClick={onEdit}
        aria-label={common.editNamed(name)}
      >
        {words && common.edit}
      </Button>
      <Popconfirm
        title={common.confirmDelete(name)}
        okText={common.delete}
        cancelText={common.cancel}
        okButtonProps={{ danger: true }}
        onConfirm={confirmDelete}
      >
        <Button
          size="small"
          type="link"
          danger
          icon={<DeleteOutlined />}
          aria-label={common.deleteNamed(name)}
        >
          {words && common.delete}
        </Button>
      </Popconfirm>
    </Space>
  );
}
