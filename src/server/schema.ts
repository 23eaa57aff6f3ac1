/** The one Drizzle schema: every module's tables, for the client and for drizzle-kit. */
export * from './modules/registry/schema.ts';
export * from './modules/accounts/schema.ts';
export * from './modules/audit/schema.ts';
export * from './modules/projects/schema.ts';
export * from './modules/lifecycle/schema.ts';
export * from './modules/files/schema.ts';
export * from './modules/consent/schema.ts';
export * from './modules/notices/schema.ts';
export * from './modules/mediation/schema.ts';
export * from './modules/money/schema.ts';
export * from './modules/calendar/schema.ts';
export * from './modules/lifts/schema.ts';
export * from './modules/works/schema.ts';
export * from './modules/faults/schema.ts';
export * from './platform/db/platform-schema.ts';
