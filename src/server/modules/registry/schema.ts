import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  ...stamps,
});

export const streets = pgTable(
  'streets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    ...stamps,
  },
  (t) => [unique('streets_district_name').on(t.districtId, t.name)],
);

export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streetId: uuid('street_id')
      .notNull()
      .references(() => streets.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    ...stamps,
  },
  (t) => [unique('committees_street_name').on(t.streetId, t.name)],
);

/*
 * Every registry row below the committee carries committee_id (denormalised from its parent):
 * scope checks and filtered lists then need no chain of joins, and one column serves them all.
 */
export const estates = pgTable(
  'estates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    ...stamps,
  },
  (t) => [unique('estates_committee_name').on(t.committeeId, t.name)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estateId: uuid('estate_id')
      .notNull()
      .references(() => estates.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    floors: integer('floors').notNull(),
    address: text('address').notNull().default(''),
    ...stamps,
  },
  (t) => [
    unique('buildings_estate_name').on(t.estateId, t.name),
    index('buildings_committee').on(t.committeeId),
  ],
);

export const stairwells = pgTable(
  'stairwells',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    ...stamps,
  },
  (t) => [
    unique('stairwells_building_name').on(t.buildingId, t.name),
    index('stairwells_committee').on(t.committeeId),
  ],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stairwellId: uuid('stairwell_id')
      .notNull()
      .references(() => stairwells.id, { onDelete: 'restrict' }),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    /** registered area (不动产登记面积) in hundredths of m² */
    areaCenti: integer('area_centi').notNull(),
    ...stamps,
  },
  (t) => [
    unique('units_stairwell_room').on(t.stairwellId, t.room),
    index('units_committee').on(t.committeeId),
  ],
);

/**
 * A person is an identity across units, so the consent rules can count one buyer of several
 * units as one head. The ID number, when known, is the natural key. Only the identity is shared:
 * what a committee records to reach the owner lives on its ownerships (unit_owners.phone).
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    idNumber: text('id_number').unique(),
    ...stamps,
  },
  (t) => [index('persons_name').on(t.name)],
);

/**
 * An ownership, with the phone the unit's committee recorded for this owner: it is seen and
 * changed through the unit, so one committee never reads or overwrites another's.
 */
export const unitOwners = pgTable(
  'unit_owners',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'restrict' }),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.personId] }), index('unit_owners_person').on(t.personId)],
);
