/** Who did it and when: a logged-in user, or the system (seed, CLI), at the request's instant. */
export interface Actor {
  userId: string | null;
  name: string;
  at: Date;
}

export const systemActor = (at: Date): Actor => ({ userId: null, name: 'system', at });

/** An owner acting through their household code (no account): named by the owner group, never by person. */
export const householdActor = (groupId: string, at: Date): Actor => ({
  userId: null,
  name: `household:${groupId.slice(0, 8)}`,
  at,
});
