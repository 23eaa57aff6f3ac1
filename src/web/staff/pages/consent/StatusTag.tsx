import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationStatus } from './types.ts';

const COLORS: Record<ConsultationStatus, string> = { draft: 'default', open: 'processing', closed: 'success' };

export function StatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`consent.statuses.${status}`)}</Tag>;
}
