import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="jw-result-title">{t('common.notFound')}</h1>}
      subTitle={t('common.pageMissing')}
      extra={<Link to="/">{t('common.backHome')}</Link>}
    />
  );
}
