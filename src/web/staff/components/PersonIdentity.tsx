import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { answer, api } from '../../shared/api.ts';
import type { Owner } from '../../shared/types.ts';
import { useErrorText } from '../data.ts';
import { useSession } from '../session.tsx';
import { useStaffWords } from '../words.ts';

/**
 * An owner's ID number and phone, masked as the API sends them (PIPL). Roles that contact
 * owners may ask for the full values: an audited write, so a POST carrying the CSRF token.
 */
export function PersonIdentity({ person }: { person: Owner }) {
  const { identity } = useStaffWords();
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
        {identity.idShort} {shown.idNumber ?? '—'} · {identity.phoneShort} {shown.phone ?? '—'}
      </Typography.Text>
      {seesPersonalData && (shown.idNumber || shown.phone) && (
        <Button
          size="small"
          type="link"
          loading={loading}
          icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={full ? () => setFull(null) : reveal}
          aria-label={full ? identity.hideFullOf(person.name) : identity.showFullOf(person.name)}
        >
          {full ? identity.hideFull : identity.showFull}
        </Button>
      )}
    </Flex>
  );
}
