import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/i18n.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { ArrangementForm } from './ArrangementForm.tsx';
import { HolidaysTable, PeriodChangesTable, YearStateTag } from './parts.tsx';
import type { HolidayYear, SavedYear } from './types.ts';

/** the years the server accepts (lunar conversion and the rules are meant for them) */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** One year (放假安排 of a year): the holidays in force and where they come from; the street admin enters or corrects it. */
export default function HolidayYearPage() {
  const { t } = useTranslation();
  const param = Number(useParams().year);
  const year = Number.isInteger(param) && param >= FIRST_YEAR && param <= LAST_YEAR ? param : null;
  const query = $api.useQuery(
    'get',
    '/api/v1/holiday-years/{year}',
    { params: { path: { year: year ?? 0 } } },
    { enabled: year !== null },
  );
  return (
    <>
      <PageHeader
        title={t('holidays.yearTitle', { year: year ?? '' })}
        crumbs={[
          { label: t('holidays.title'), to: '/settings/holidays' },
          { label: t('holidays.yearN', { year: year ?? '' }) },
        ]}
      />
      {year === null ? (
        <Result
          status="404"
          title={<h2 className="jw-result-title">{t('common.notFound')}</h2>}
          subTitle={t('common.pageMissing')}
        />
      ) : (
        <QueryState isLoading={query.isLoading} error={query.error}>
          {() => <YearView data={query.data!} />}
        </QueryState>
      )}
    </>
  );
}

function YearView({ data }: { data: HolidayYear }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { isStreetAdmin, user } = useSession();
  const canEdit = isStreetAdmin && user.streetId === data.streetId;
  // a year still provisional opens on its form; a confirmed one is corrected on request
  const [editing, setEditing] = useState(canEdit && !data.confirmed);
  const [saved, setSaved] = useState<SavedYear | null>(null);
  const e = data.entered;
  const note =
    data.source === 'provisional'
      ? t('holidays.statutoryOnly')
      : data.source === 'package'
        ? t('holidays.packageNote')
        : t('holidays.enteredNote', { source: e?.source ?? '' });
  return (
    <Flex vertical gap={16}>
      {saved && <SavedResult saved={saved} />}
      <Card
        size="small"
        title={<h2 className="jw-card-title">{t('holidays.inForce')}</h2>}
        extra={
          canEdit &&
          !editing && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {data.source === 'entered'
                ? t('holidays.editYear', { year: data.year })
                : t('holidays.enterYear', { year: data.year })}
            </Button>
          )
        }
      >
        <Flex wrap gap={8} align="center" className="jw-holidays__state">
          <YearStateTag source={data.source} />
          {e && (
            <Typography.Text type="secondary">
              {t('holidays.enteredBy', { name: e.createdByName, at: formatDateTime(e.createdAt, lang) })}
              {e.updatedAt !== e.createdAt &&
                `；${t('holidays.updatedBy', { name: e.updatedByName, at: formatDateTime(e.updatedAt, lang) })}`}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Paragraph className="jw-holidays__note">{note}</Typography.Paragraph>
        <HolidaysTable holidays={data.holidays} caption={t('holidays.yearTitle', { year: data.year })} />
      </Card>
      {canEdit && editing && (
        <ArrangementForm
          // a saved year starts the next edit from what was saved
          key={e?.updatedAt ?? 'new'}
          year={data}
          onSaved={(result) => {
            setSaved(result);
            setEditing(false);
            window.scrollTo({ top: 0 });
          }}
          onCancel={data.confirmed ? () => setEditing(false) : undefined}
        />
      )}
      {!canEdit && <Alert type="info" showIcon title={t('holidays.readOnly')} />}
    </Flex>
  );
}

/** After saving: the notices whose end dates moved, and how many are no longer provisional. */
function SavedResult({ saved }: { saved: SavedYear }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="jw-holidays__saved" data-testid="holiday-saved">
      <Alert
        type="success"
        showIcon
        title={t('holidays.saved', { year: saved.year.year })}
        description={
          saved.confirmedNotices > 0
            ? t('holidays.confirmedNotices', { n: saved.confirmedNotices })
            : undefined
        }
      />
      <h2 className="jw-holidays__subtitle">{t('holidays.movedTitle')}</h2>
      {saved.changes.length ? (
        <PeriodChangesTable changes={saved.changes} caption={t('holidays.movedTitle')} />
      ) : (
        <Typography.Paragraph>{t('holidays.movedNone')}</Typography.Paragraph>
      )}
    </Card>
  );
}
