/** What the holiday-arrangement routes answer (src/server/modules/calendar/routes.ts and service.ts). */
import type { Holiday, YearSource } from '../../../../core/calendar.ts';
import type { PeriodEnds } from '../notices/types.ts';

export type { Holiday, YearSource };

export interface EnteredMeta {
  source: string;
  createdByName: string;
  createdAt: string;
  /** the same as created until someone corrects the year */
  updatedByName: string;
  updatedAt: string;
}

/** GET /api/v1/holiday-years */
export interface HolidayYears {
  streetId: string;
  streetName: string;
  today: string;
  packageYears: { first: number; last: number };
  canEdit: boolean;
  /** running and draft notices of the street whose ends are still provisional */
  provisionalNotices: number;
  years: { year: number; source: YearSource; confirmed: boolean; entered: EnteredMeta | null }[];
}

/** GET /api/v1/holiday-years/:year */
export interface HolidayYear {
  streetId: string;
  year: number;
  source: YearSource;
  confirmed: boolean;
  /** in force: entered, the package's, or the statutory ones */
  holidays: Holiday[];
  packageHolidays: Holiday[] | null;
  statutoryHolidays: Holiday[];
  entered: EnteredMeta | null;
}

/** A notice whose ends an arrangement changes (preview) or changed (after saving). */
export interface PeriodChange {
  noticeId: string;
  projectId: string;
  projectName: string;
  committeeId: string;
  title: string;
  status: 'draft' | 'posted';
  before: PeriodEnds;
  after: PeriodEnds;
  /** an end date moved, not only the provisional mark */
  moved: boolean;
}

/** PUT /api/v1/holiday-years/:year */
export interface SavedYear {
  year: HolidayYear;
  changes: PeriodChange[];
  confirmedNotices: number;
}

/** POST /api/v1/holiday-years/:year/import: read from the file, nothing saved */
export interface ImportedYear {
  year: number;
  kind: 'xlsx' | 'ics';
  holidays: Holiday[];
  source: string;
}
