import { Table } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { BLUE, Colored, GREEN, ORANGE } from '../notices/tags.tsx';
import type { Holiday, HolidayYears, PeriodChange, YearSource } from './types.ts';
import { useWords } from './words.ts';
// .jw-muted and the card titles, as the other work pages
import '../projects/work.css';
import './holidays.css';

const TONE: Record<YearSource, typeof BLUE> = { package: GREEN, entered: BLUE, provisional: ORANGE };

export function YearStateTag({ source }: { source: YearSource }) {
  const w = useWords();
  return <Colored c={TONE[source]}>{w.states[source]}</Colored>;
}

/** This year and the next while they are not confirmed: the years staff are asked to look at (by the server's today). */
export function attentionYears(data: Pick<HolidayYears, 'today' | 'years'>): number[] {
  const thisYear = Number(data.today.slice(0, 4));
  return data.years
    .filter((y) => !y.confirmed && (y.year === thisYear || y.year === thisYear + 1))
    .map((y) => y.year)
    .sort((a, b) => a - b);
}

const daysIn = (h: Holiday) => dayjs(h.end).diff(dayjs(h.start), 'day') + 1;
/** '2027-01-05' → '01-05': the year is the page's, and a phone has no room for it four times a row */
const monthDay = (iso: string) => iso.slice(5);

/** A year's holidays as a notice lists them: name, days off, make-up working days. */
export function HolidaysTable({ holidays, caption }: { holidays: Holiday[]; caption: string }) {
  const w = useWords();
  return (
    <Table<Holiday>
      rowKey={(h) => `${h.name}-${h.start}`}
      size="small"
      pagination={false}
      scroll={{ x: true }}
      aria-label={caption}
      dataSource={holidays}
      columns={[
        { key: 'name', title: w.name, dataIndex: 'name' },
        {
          key: 'days',
          title: w.restDays,
          render: (_, h) => (
            <>
              <span className="jw-nowrap">
                {h.start === h.end ? monthDay(h.start) : `${monthDay(h.start)} – ${monthDay(h.end)}`}
              </span>{' '}
              <span className="jw-muted jw-nowrap">{daysIn(h) === 1 ? w.oneDay : w.dayCount(daysIn(h))}</span>
            </>
          ),
        },
        {
          key: 'workdays',
          title: w.workdays,
          render: (_, h) =>
            h.workdays.length ? (
              h.workdays.map(monthDay).join('、')
            ) : (
              <span className="jw-muted">{w.none}</span>
            ),
        },
      ]}
    />
  );
}

/** Notices whose ends an arrangement changes (the preview) or changed (after saving): per project, the end date from → to and the provisional mark. */
export function PeriodChangesTable({ changes, caption }: { changes: PeriodChange[]; caption: string }) {
  const w = useWords();
  const mark = (c: PeriodChange) =>
    c.before.provisional === c.after.provisional
      ? c.after.provisional
        ? w.staysProvisional
        : null
      : c.after.provisional
        ? w.becomesProvisional
        : w.becomesConfirmed;
  return (
    <Table<PeriodChange>
      rowKey="noticeId"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      aria-label={caption}
      dataSource={changes}
      // two columns, each a small stack, so a phone shows the whole change without scrolling sideways
      columns={[
        {
          key: 'notice',
          title: w.notice,
          render: (_, c) => (
            <>
              <Link to={`/projects/${c.projectId}/notices`}>{c.projectName}</Link>
              <div>{c.title}</div>
            </>
          ),
        },
        {
          key: 'ends',
          title: w.ends,
          render: (_, c) => (
            <>
              <div>
                {c.before.endsOn === c.after.endsOn
                  ? w.sameDate(c.after.endsOn)
                  : w.endsChange({ from: c.before.endsOn, to: c.after.endsOn })}
              </div>
              {mark(c) && <div className="jw-muted">{mark(c)}</div>}
            </>
          ),
        },
      ]}
    />
  );
}
