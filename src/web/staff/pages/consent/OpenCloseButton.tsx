import { App, Button } from 'antd';
import { answer, api } from '../../../shared/api.ts';
import { useApiMutation, useErrorText } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import type { Consultation } from './types.ts';
import { useWords } from './words.ts';

/** Opens a draft (the electorate is frozen) or closes an open consultation, each after a confirm dialog. */
export function OpenCloseButton({
  consultation: c,
  size,
}: {
  consultation: Consultation;
  size?: 'small' | 'middle';
}) {
  const { common } = useStaffWords();
  const w = useWords();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const act = useApiMutation((what: 'open' | 'close') =>
    answer(
      api.POST(what === 'open' ? '/api/v1/consultations/{id}/open' : '/api/v1/consultations/{id}/close', {
        params: { path: { id: c.id } },
      }),
    ),
  );
  if (c.status === 'closed') return null;
  const what = c.status === 'draft' ? 'open' : 'close';
  const opening = what === 'open';
  const verb = opening ? w.open : w.close;
  const ask = () =>
    modal.confirm({
      title: opening ? w.openTitle(c.title) : w.closeTitle(c.title),
      content: opening ? w.openExplain : w.closeExplain,
      okText: verb,
      cancelText: common.cancel,
      okButtonProps: what === 'close' ? { danger: true } : undefined,
      onOk: async () => {
        try {
          await act.mutateAsync(what);
          void message.success(opening ? w.opened : w.closed);
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });
  return (
    <Button
      size={size}
      type={what === 'open' ? 'primary' : 'default'}
      danger={what === 'close'}
      onClick={ask}
      aria-label={`${verb} ${c.title}`}
    >
      {verb}
    </Button>
  );
}
