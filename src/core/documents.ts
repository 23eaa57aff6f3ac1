/**
 * Categories of a project's document library, shared by the API and the pages.
 * `subsidy`: the papers of the subsidy claim, which lists them.
 */
export const DOCUMENT_CATEGORIES = [
  'vote',
  'agreement',
  'design',
  'notice',
  'approval',
  'construction',
  'acceptance',
  'subsidy',
  'photo',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** What an owner's phone opens by itself: materials put before the owners must be one of these. */
export const READABLE_ON_A_PHONE: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
