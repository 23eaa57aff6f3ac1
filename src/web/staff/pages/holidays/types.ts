/** Names for what the holiday-arrangement routes answer: the generated contract's types, never hand-written mirrors. */
import type { Answer } from '../../../shared/api.ts';

/** GET /api/v1/holiday-years */
export type HolidayYears = Answer<'/api/v1/holiday-years'>;

/** GET /api/v1/holiday-years/:year */
export type HolidayYear = Answer<'/api/v1/holiday-years/{year}'>;
/** entered (by the street), package (shipped with the software) or provisional (statutory holidays only) */
export type YearSource = HolidayYear['source'];
export type Holiday = HolidayYear['holidays'][number];

/** PUT /api/v1/holiday-years/:year */
export type SavedYear = Answer<'/api/v1/holiday-years/{year}', 'put'>;
/** A notice whose ends an arrangement changes (preview) or changed (after saving). */
export type PeriodChange = SavedYear['changes'][number];
