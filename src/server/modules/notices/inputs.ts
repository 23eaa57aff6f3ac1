/**
 * The request pieces now live in the module's contract (contract.ts); this re-export keeps the
 * calendar module's import working until it takes them from there.
 */
export { calendarDate, dayCount, periodKind, type Label } from './contract.ts';
