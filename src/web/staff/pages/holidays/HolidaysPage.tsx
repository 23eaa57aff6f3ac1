import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api } from '../../data.ts';
import { attentionYears, YearStateTag } from './parts.tsx';
import type { HolidayYears } from './types.ts';
import { useWords } from './words.ts';

type YearRow = HolidayYears['years'][number];

/**
 * The street's holiday arrangements year by year (放假安排): which years are confirmed (the
 * package's or entered, by whom and when) and which are provisional, the coming year first when
 * it still waits for its arrangement. Every staff role reads; the street admin enters years.
 */
export default function HolidaysPage() {
  const w = useWords();
  const query = $api.useQuery('get', '/api/v1/holiday-years');
  return (
    <>
      <PageHeader title={w.title}>
        {query.data && <Typography.Text type="secondary">{query.data.streetName}</Typography.Text>}
      </PageHeader>
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() => <Years data={query.data!} />}
      </QueryState>
    </>
  );
}

/** Years before this one and the previous are history: folded away unless someone entered them. */
const RECENT_YEARS = 2;

function Years({ data }: { data: HolidayYears }) {
  const w = useWords();
  const [showOlder, setShowOlder] = useState(false);
  const attention = attentionYears(data);
  const thisYear = Number(data.today.slice(0, 4));
  const recent = (y: YearRow) => y.year > thisYear - RECENT_YEARS || y.entered !== null;
  const older = data.years.filter((y) => !recent(y));
  const shown = showOlder ? data.years : data.years.filter(recent);
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph className="jw-holidays__intro">{w.intro}</Typography.Paragraph>
      {attention.map((year) => (
        <Alert
          key={year}
          type="warning"
          showIcon
          title={w.attention(year)}
          description={
            <>
              <p className="jw-holidays__attention-text">
                {data.canEdit ? w.attentionAdmin : w.attentionReader}
                {data.provisionalNotices > 0 && w.provisionalNotices(data.provisionalNotices)}
              </p>
              {data.canEdit && (
                <ButtonLink type="primary" to={`/settings/holidays/${year}`}>
                  {w.enterYear(year)}
                </ButtonLink>
              )}
            </>
          }
        />
      ))}
      <Table<YearRow>
        rowKey="year"
        size="small"
        pagination={false}
        aria-label={w.yearsTable}
        dataSource={shown}
        rowClassName={(y) => (attention.includes(y.year) ? 'jw-holidays__row--attention' : '')}
        columns={[
          {
            key: 'year',
            title: w.year,
            width: 96,
            render: (_, y) => <Link to={`/settings/holidays/${y.year}`}>{w.yearN(y.year)}</Link>,
          },
          {
            key: 'state',
            title: w.stateAndSource,
            render: (_, y) => (
              <Flex vertical gap={4} align="start">
                <YearStateTag source={y.source} />
                <YearDetails y={y} />
                {/* a package year is corrected from its own page; the button is for years that need or had an entry */}
                {data.canEdit && (!y.confirmed || y.entered) && (
                  <ButtonLink
                    size="small"
                    type={attention.includes(y.year) ? 'primary' : 'default'}
                    to={`/settings/holidays/${y.year}`}
                  >
                    {y.source === 'entered' ? w.editYear(y.year) : w.enterYear(y.year)}
                  </ButtonLink>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {older.length > 0 && (
        <Button
          type="link"
          className="jw-holidays__older"
          aria-expanded={showOlder}
          onClick={() => setShowOlder((v) => !v)}
        >
          {showOlder ? w.hideOlder : w.showOlder({ from: older.at(-1)!.year, to: older[0]!.year })}
        </Button>
      )}
    </Flex>
  );
}

/** Where a year's holidays come from: the entered notice with who entered and changed it, the package, or the statutory days only. */
function YearDetails({ y }: { y: YearRow }) {
  const w = useWords();
  const { lang } = useLang();
  if (y.source === 'package') return <span className="jw-muted">{w.packageSource}</span>;
  if (!y.entered) return <span className="jw-muted">{w.provisionalSource}</span>;
  const e = y.entered;
  const changed = e.updatedAt !== e.createdAt;
  return (
    <span className="jw-holidays__entered">
      <span className="jw-holidays__source">{e.source}</span>
      <span className="jw-muted">
        {w.enteredBy({ name: e.createdByName, at: formatDateTime(e.createdAt, lang) })}
        {changed && `；${w.updatedBy({ name: e.updatedByName, at: formatDateTime(e.updatedAt, lang) })}`}
      </span>
    </span>
  );
}
