import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../shared/api.ts';
import type { Owner } from '../../shared/types.ts';
import { useErrorText } from '../data.ts';
import { useSession } from '../session.tsx';

/**
 * An owner's ID number and phone, masked as the API sends them (PIPL). Roles that contact
 * owners may ask for the full values: an audited write, so a POST carrying the CSRF token.
 */
export function PersonIdentity({ person }: { person: Owner }) {
  const { t } = useTranslation();
  const { seesPersonalData } = useSession();
  const { message } = App.useApp();
  const text = useErrorText();
  const [full, setFull] = useState<Owner | null>(null);
  const [loading, setLoading] = useState(false);
  const shown = full ?? person;

  const reveal = async () => {
    setLoading(true);
    try {
      setFull(await answer(api.POST('/api/v1/persons/{id}/reveal', { params: { path: { id: person.id } } })));
    } catch (err) {
      void message.error(text(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Flex wrap gap={4} align="center">
      <Typography.Text className="jw-mono">
        {t('registry.idShort')} {shown.idNumber ?? '—'} · {t('registry.phoneShort')} {shown.phone ?? '—'}
      </Typography.Text>
      {seesPersonalData && (shown.idNumber || shown.phone) && (
        <Button
          size="small"
          type="link"
          loading={loading}
          icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={full ? () => setFull(null) : reveal}
          aria-label={
            full
              ? t('registry.hideFullOf', { name: person.name })
              : t('registry.showFullOf', { name: person.name })
          }
        >
          {full ? t('registry.hideFull') : t('registry.showFull')}
        </Button>
      )}
    </Flex>
  );
}
