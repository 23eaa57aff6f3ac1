import type { Answer, ItemOf } from '../../../shared/api.ts';

/**
 * Names for the consent API's answers as the staff pages read them: each the generated
 * contract's type (src/server/modules/consent), never a hand-written mirror.
 */
export type { Ballot as Choice } from '../../../../core/consent/tally.ts';
export type { Fraction } from '../../../../core/consent/fraction.ts';

/** GET /api/v1/consultations/:id */
export type Consultation = Answer<'/api/v1/consultations/{id}'>;
export type ConsultationStatus = Consultation['status'];
/** The voting rule as it stood when chosen (a survey has none). */
export type Rule = NonNullable<Consultation['rule']>;
/** GET /api/v1/projects/:id/consultations: a consultation with its electorate and ballots counted. */
export type ConsultationListItem = ItemOf<Answer<'/api/v1/projects/{id}/consultations'>>;

/** GET /api/v1/consultations/:id/tally */
export type Tally = Answer<'/api/v1/consultations/{id}/tally'>;
export type TallyGroup = Tally['groups'][number];
export type TallyUnit = Tally['units'][number];

/** GET /api/v1/consultations/:id/codes */
export type HouseholdCode = ItemOf<Answer<'/api/v1/consultations/{id}/codes/reveal', 'post'>>;
/** GET /api/v1/consultations/:id/ledger/verify */
export type LedgerVerdict = Answer<'/api/v1/consultations/{id}/ledger/verify'>;
/** GET /api/v1/consultations/:id/certificate */
export type Certificate = Answer<'/api/v1/consultations/{id}/certificate'>;
/** GET /api/v1/consultations/:id/ledger: a page of the ledger, newest first */
export type LedgerPage = Answer<'/api/v1/consultations/{id}/ledger'>;
export type LedgerEntry = ItemOf<LedgerPage>;
