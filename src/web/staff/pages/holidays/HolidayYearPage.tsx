import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { ArrangementForm } from './ArrangementForm.tsx';
import { HolidaysTable, PeriodChangesTable, YearStateTag } from './parts.tsx';
import type { HolidayYear, SavedYear } from './types.ts';
import { useWords } from './words.ts';

/** the years the server accepts (lunar conversion and the rules are meant for them) */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** One year (放假安排 of a year): the holidays in force and where they come from; the street admin enters or corrects it. */
export default function HolidayYearPage() {
  const { common } = useStaffWords();
  const w = useWords();
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
        title={w.yearTitle(year ?? '')}
        crumbs={[{ label: w.title, to: '/settings/holidays' }, { label: w.yearN(year ?? '') }]}
      />
      {year === null ? (
        <Result
          status="404"
          title={<h2 className="jw-result-title">{common.notFound}</h2>}
          subTitle={common.pageMissing}
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
  const w = useWords();
  const { lang } = useLang();
  const { isStreetAdmin, user } = useSession();
  const canEdit = isStreetAdmin && user.streetId === data.streetId;
  // a year still provisional opens on its form; a confirmed one is corrected on request
  const [editing, setEditing] = useState(canEdit && !data.confirmed);
  const [saved, setSaved] = useState<SavedYear | null>(null);
  const e = data.entered;
  const note =
    data.source === 'provisional'
      ? w.statutoryOnly
      : data.source === 'package'
        ? w.packageNote
        : w.enteredNote(e?.source ?? '');
  return (
    <Flex vertical gap={16}>
      {saved && <SavedResult saved={saved} />}
      <Card
        size="small"
        title={<h2 className="jw-card-title">{w.inForce}</h2>}
        extra={
          canEdit &&
          !editing && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {data.source === 'entered' ? w.editYear(data.year) : w.enterYear(data.year)}
            </Button>
          )
        }
      >
        <Flex wrap gap={8} align="center" className="jw-holidays__state">
          <YearStateTag source={data.source} />
          {e && (
            <Typography.Text type="secondary">
              {w.enteredBy({ name: e.createdByName, at: formatDateTime(e.createdAt, lang) })}
              {e.updatedAt !== e.createdAt &&
                `；${w.updatedBy({ name: e.updatedByName, at: formatDateTime(e.updatedAt, lang) })}`}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Paragraph className="jw-holidays__note">{note}</Typography.Paragraph>
        <HolidaysTable holidays={data.holidays} caption={w.yearTitle(data.year)} />
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
      {!canEdit && <Alert type="info" showIcon title={w.readOnly} />}
    </Flex>
  );
}

/** After saving: the notices whose end dates moved, and how many are no longer provisional. */
function SavedResult({ saved }: { saved: SavedYear }) {
  const w = useWords();
  return (
    <Card size="small" className="jw-holidays__saved" data-testid="holiday-saved">
      <Alert
        type="success"
        showIcon
        title={w.saved(saved.year.year)}
        description={saved.confirmedNotices > 0 ? w.confirmedNotices(saved.confirmedNotices) : undefined}
      />
      <h2 className="jw-holidays__subtitle">{w.movedTitle}</h2>
      {saved.changes.length ? (
        <PeriodChangesTable changes={saved.changes} caption={w.movedTitle} />
      ) : (
        <Typography.Paragraph>{w.movedNone}</Typography.Paragraph>
      )}
    </Card>
  );
}
