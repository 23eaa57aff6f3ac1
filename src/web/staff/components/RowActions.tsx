import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Grid, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../data.ts';

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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  // on a phone the buttons keep their icons and accessible names, not their words
  const words = Boolean(Grid.useBreakpoint().sm);
  const confirmDelete = async () => {
    try {
      await onDelete();
      void message.success(t('common.deleted'));
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
        aria-label={t('common.editNamed', { name })}
      >
        {words && t('common.edit')}
      </Button>
      <Popconfirm
        title={t('common.confirmDelete', { name })}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={confirmDelete}
      >
        <Button
          size="small"
          type="link"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.deleteNamed', { name })}
        >
          {words && t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
