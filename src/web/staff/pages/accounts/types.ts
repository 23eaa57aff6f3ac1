/** Names for what the account routes answer: the generated contract's types, never hand-written mirrors. */
import type { Answer, ItemOf } from '../../../shared/api.ts';

/** An account as GET /api/v1/users lists it. */
export type ListedUser = ItemOf<Answer<'/api/v1/users'>>;

/** POST /api/v1/users/:id/password: `password` only when the server generated it, shown this once. */
export type ResetResult = Answer<'/api/v1/users/{id}/password', 'post'>;
