import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../../shared/api.ts';
import { useApiMutation, useErrorText } from '../../data.ts';
import type { Consultation } from './types.ts';

/** Opens a draft (the electorate is frozen) or closes an open consultation, each after a confirm dialog. */
export function OpenCloseButton({
  consultation: c,
  size,
}: {
  consultation: Consultation;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
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
  const ask = () =>
    modal.confirm({
      title: t(what === 'open' ? 'consent.openTitle' : 'consent.closeTitle', { title: c.title }),
      content: t(what === 'open' ? 'consent.openExplain' : 'consent.closeExplain'),
      okText: t(what === 'open' ? 'consent.open' : 'consent.close'),
      cancelText: t('common.cancel'),
      okButtonProps: what === 'close' ? { danger: true } : undefined,
      onOk: async () => {
        try {
          await act.mutateAsync(what);
          void message.success(t(what === 'open' ? 'consent.opened' : 'consent.closed'));
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
      aria-label={`${t(what === 'open' ? 'consent.open' : 'consent.close')} ${c.title}`}
    >
      {t(what === 'open' ? 'consent.open' : 'consent.close')}
    </Button>
  );
}
