import { App } from 'antd';
import { useStaffWords } from '../words.ts';

/**
 * Closing a dialog someone has typed in (Cancel, the ×, Esc, a click outside) asks first, so
 * nothing written is lost by a slip: `close(form.isFieldsTouched())`.
 */
export function useConfirmDiscard(onClose: () => void) {
  const { modal } = App.useApp();
  const { common } = useStaffWords();
  return (dirty: boolean) => {
    if (!dirty) return onClose();
    modal.confirm({
      title: common.discardTitle,
      content: common.discardText,
      okText: common.discard,
      okButtonProps: { danger: true },
      cancelText: common.keepEditing,
      onOk: onClose,
    });
  };
}
