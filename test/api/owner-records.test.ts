/**
 * Owner records across committees (issue 9, items 1 and 2). A person is one identity (name and
 * ID number) wherever they own; what a committee records about them (the phone) belongs to its
 * ownerships and is seen and changed only through units in its scope. Linking a known ID number
 * reveals and changes nothing another committee recorded; a disagreement over the identity goes
 * to the street admin. Showing full data is a POST with the CSRF token, never a GET.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../src/core/privacy.ts';
import { writeRegistryWorkbook } from '../../src/server/modules/registry/excel/workbook.ts';
import { type SheetRow } from '../../src/server/modules/registry/excel/layout.ts';
import { EXCEL_MIME } from '../../src/server/platform/files.ts';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

const idNumber = (serial: number) => {
  const first17 = `31010919450203${String(serial).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
};

/** Owned in both committees; B registered them first. */
const QIAN = { name: '钱两边', idNumber: idNumber(1) };
/** Owned only in committee B. */
const SUN = { name: '孙乙方', idNumber: idNumber(2) };
const PHONE = { a: '13711110001', b: '13922220002', bOther: '13922220003', aImport: '13711110004' };

let t: TestApp;
let admin: Client, a: Client, b: Client;
let committeeB: string;
const unitOf: Record<string, string> = {};
let qianId: string, sunId: string;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const auditCount = async () =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_events`))[0]!.n;

/** One test stairwell of a committee, rooms 101–104, no owners yet. */
function stairwellRows(
  committee: string,
  estate: string,
  owners: Record<string, { ownerName: string; idNumber: string; phone: string }> = {},
): SheetRow[] {
  return ['101', '102', '103', '104'].map((room) => ({
    committee,
    estate,
    estateAddress: '',
    building: '1号',
    floors: 6,
    buildingAddress: '',
    stairwell: '1单元',
    floor: 1,
    room,
    area: '60.00',
    ownerName: '',
    idNumber: '',
    phone: '',
    ...owners[room],
  }));
}

const importRows = async (c: Client, rows: SheetRow[]) =>
  c.inject({
    method: 'POST',
    url: '/api/v1/registry/import',
    ...multipart({}, { name: 'registry.xlsx', content: await writeRegistryWorkbook(rows), type: EXCEL_MIME }),
  });

/** room → unit id of the test stairwell of an estate */
async function unitIdsOf(c: Client, estate: string) {
  const stairwells = (await c.get(`/api/v1/stairwells?q=${encodeURIComponent(estate)}`)).body.items as {
    id: string;
    estateName: string;
  }[];
  const sw = stairwells.find((s) => s.estateName === estate)!;
  const units = (await c.get(`/api/v1/units?stairwellId=${sw.id}`)).body.items as {
    id: string;
    room: string;
  }[];
  return Object.fromEntries(units.map((u) => [u.room, u.id]));
}

const reveal = (c: Client, personId: string) => c.post(`/api/v1/persons/${personId}/reveal`);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  a = await t.as('shengli');
  const committees = (await admin.get('/api/v1/committees')).body.items as { id: string; name: string }[];
  const bRow = committees.find((c) => c.name !== '胜利居委')!;
  committeeB = bRow.id;
  // staff of committee B: an account like shengli's, bound to B
  await t.database.db
    .execute(sql`insert into users (username, display_name, password_hash, role, committee_id)
    select 'bstaff', ${`${bRow.name} 工作人员`}, password_hash, 'committee_staff', ${committeeB} from users where username = 'shengli'`);
  b = await t.as('bstaff');

  expect(
    (
      await importRows(
        b,
        stairwellRows(bRow.name, '乙方小区', {
          '101': { ownerName: QIAN.name, idNumber: QIAN.idNumber, phone: PHONE.b },
          '102': { ownerName: SUN.name, idNumber: SUN.idNumber, phone: PHONE.bOther },
        }),
      )
    ).status,
  ).toBe(200);
  expect((await importRows(a, stairwellRows('胜利居委', '甲方小区'))).status).toBe(200);
  for (const [side, client, estate] of [
    ['a', a, '甲方小区'],
    ['b', b, '乙方小区'],
  ] as const)
    for (const [room, id] of Object.entries(await unitIdsOf(client, estate))) unitOf[`${side}${room}`] = id;
  const bOwners = (await b.get(`/api/v1/units/${unitOf.b101}`)).body.owners;
  qianId = bOwners[0].id;
  sunId = (await b.get(`/api/v1/units/${unitOf.b102}`)).body.owners[0].id;
}, 120_000);
afterAll(() => t.close());

describe('showing full personal data is a write', () => {
  it('answers the old GET variants with 400, revealing nothing and auditing nothing', async () => {
    const before = await auditCount();
    const person = await b.get(`/api/v1/persons/${sunId}?reveal=true`);
    expect(person.status).toBe(400);
    expect(JSON.stringify(person.body)).not.toContain(SUN.idNumber);
    const exported = await b.get(`/api/v1/registry/export?full=true`);
    expect(exported.status).toBe(400);
    expect(exported.body.error.messageEn).toEqual(expect.any(String));
    expect(await auditCount()).toBe(before);
  });

  it('reveals on POST with the CSRF token, audited; without the token it is refused', async () => {
    expect((await b.withWrongCsrf().post(`/api/v1/persons/${sunId}/reveal`)).body.error.code).toBe('csrf');
    const full = await reveal(b, sunId);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ name: SUN.name, idNumber: SUN.idNumber, phone: PHONE.bOther });
    const audit = (await admin.get(`/api/v1/audit?action=reveal&entityId=${sunId}`)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'bstaff', committeeId: committeeB });
  });

  it('exports the full registry on POST with the CSRF token, audited', async () => {
    expect((await b.withWrongCsrf().post('/api/v1/registry/export', {})).body.error.code).toBe('csrf');
    const res = await b.post('/api/v1/registry/export', { committeeId: committeeB });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(EXCEL_MIME);
    expect(res.raw.includes(Buffer.from('PK'))).toBe(true);
    expect((await admin.get('/api/v1/audit?action=export_full&actor=bstaff')).body.total).toBe(1);
    // committee staff name no committee but their own
    expect((await a.post('/api/v1/registry/export', { committeeId: committeeB })).status).toBe(404);
  });
});

describe("committee A cannot reach committee B's owner", () => {
  it('neither reads nor reveals nor changes an owner it has no unit of', async () => {
    const before = await auditCount();
    expect((await a.get(`/api/v1/persons/${sunId}`)).status).toBe(404);
    expect((await reveal(a, sunId)).status).toBe(404);
    expect((await a.patch(`/api/v1/persons/${sunId}`, { phone: '13700000000' })).status).toBe(404);
    expect((await a.get(`/api/v1/persons?q=${SUN.idNumber}`)).body.total).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('answers a known ID number with another name by 409 that names nothing stored and sends to the street admin', async () => {
    const before = await auditCount();
    const res = await a.post(`/api/v1/units/${unitOf.a104}/owners`, {
      name: '别的人',
      idNumber: SUN.idNumber,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('idNumber');
    expect(res.body.error.message).toMatch(/街道管理员/);
    expect(res.body.error.messageEn).toMatch(/street admin/);
    for (const stored of [SUN.name.slice(0, 1), '139****0003'])
      expect(JSON.stringify(res.body)).not.toContain(stored);
    // the same through an import: the row is refused and says no more
    const imported = await importRows(
      a,
      stairwellRows('胜利居委', '甲方小区', {
        '104': { ownerName: '别的人', idNumber: SUN.idNumber, phone: '' },
      }),
    );
    expect(imported.status).toBe(400);
    const [issue] = imported.body.error.details.rows;
    expect(issue).toMatchObject({
      column: '业主姓名',
      message: expect.stringMatching(/街道管理员/),
      messageEn: expect.stringMatching(/street admin/),
    });
    expect(JSON.stringify(imported.body)).not.toContain(SUN.name.slice(0, 1));
    expect(await auditCount()).toBe(before);
  });

  it('links a known ID number as the same person, echoing nothing B recorded', async () => {
    const res = await a.post(`/api/v1/units/${unitOf.a101}/owners`, QIAN);
    expect(res.status).toBe(201);
    const owner = res.body.owners.find((o: { id: string }) => o.id === qianId);
    expect(owner).toMatchObject({ name: QIAN.name, phone: null });
    expect(JSON.stringify(res.body)).not.toContain('139****0002');
  });

  it("reveals to A only what A recorded: A's units, no phone of B's", async () => {
    const full = (await reveal(a, qianId)).body;
    expect(full).toMatchObject({ name: QIAN.name, idNumber: QIAN.idNumber, phone: null });
    expect(full.units.map((u: { unitId: string }) => u.unitId)).toEqual([unitOf.a101]);
    const masked = (await a.get(`/api/v1/persons/${qianId}`)).body;
    expect(masked.phone).toBeNull();
    expect(masked.units).toHaveLength(1);
  });

  it("changes A's phone for the owner, never B's", async () => {
    const res = await a.patch(`/api/v1/persons/${qianId}`, { phone: PHONE.a });
    expect(res.status).toBe(200);
    expect((await reveal(a, qianId)).body.phone).toBe(PHONE.a);
    expect((await reveal(b, qianId)).body.phone).toBe(PHONE.b);
    expect((await b.get(`/api/v1/units/${unitOf.b101}`)).body.owners[0].phone).toBe('139****0002');
  });

  it('cannot change the name or ID number B sees: 409, ask the street admin', async () => {
    for (const patch of [{ name: '钱改名' }, { idNumber: idNumber(9) }]) {
      const res = await a.patch(`/api/v1/persons/${qianId}`, patch);
      expect(res.status, JSON.stringify(patch)).toBe(409);
      expect(res.body.error.field).toBe(Object.keys(patch)[0]);
      expect(res.body.error.messageEn).toMatch(/street admin/);
    }
    expect((await reveal(b, qianId)).body).toMatchObject({ name: QIAN.name, idNumber: QIAN.idNumber });
  });

  it("does not overwrite B's phone through an Excel import", async () => {
    const res = await importRows(
      a,
      stairwellRows('胜利居委', '甲方小区', {
        '101': { ownerName: QIAN.name, idNumber: QIAN.idNumber, phone: PHONE.aImport },
      }),
    );
    expect(res.status).toBe(200);
    expect((await reveal(a, qianId)).body.phone).toBe(PHONE.aImport);
    expect((await reveal(b, qianId)).body.phone).toBe(PHONE.b);
  });
});

describe('an owner with units in both committees', () => {
  it('is listed by both, each with its own units and phone', async () => {
    for (const [client, unit, phone] of [
      [a, unitOf.a101, PHONE.aImport],
      [b, unitOf.b101, PHONE.b],
    ] as const) {
      const listed = (await client.get(`/api/v1/persons?q=${encodeURIComponent(QIAN.name)}`)).body.items;
      expect(listed).toHaveLength(1);
      expect(listed[0].units.map((u: { unitId: string }) => u.unitId)).toEqual([unit]);
      expect(listed[0].phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      const owners = (await client.get(`/api/v1/units/${unit}`)).body.owners;
      expect(owners.find((o: { id: string }) => o.id === qianId).phone).toBe(
        `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      );
    }
  });

  it('exports for each committee its own phone in full', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const phonesIn = async (c: Client) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await c.post('/api/v1/registry/export', {})).raw as never);
      const texts: string[] = [];
      book.getWorksheet('房屋与业主')!.eachRow((row) => texts.push(row.getCell(13).text));
      return texts;
    };
    const [inA, inB] = [await phonesIn(a), await phonesIn(b)];
    expect(inA).toContain(PHONE.aImport);
    expect(inA).not.toContain(PHONE.b);
    expect(inB).toContain(PHONE.b);
    expect(inB).not.toContain(PHONE.aImport);
  });

  it('is seen whole by the street admin, who finds them by ID number and corrects the name for both', async () => {
    const found = (await admin.get(`/api/v1/persons?q=${QIAN.idNumber}`)).body.items;
    expect(found.map((p: { id: string }) => p.id)).toEqual([qianId]);
    expect(found[0].units.map((u: { unitId: string }) => u.unitId).sort()).toEqual(
      [unitOf.a101, unitOf.b101].sort(),
    );
    const full = (await reveal(admin, qianId)).body;
    expect(full.phone).toContain(PHONE.aImport);
    expect(full.phone).toContain(PHONE.b);
    const renamed = await admin.patch(`/api/v1/persons/${qianId}`, { name: '钱更正' });
    expect(renamed.status).toBe(200);
    expect((await a.get(`/api/v1/persons/${qianId}`)).body.name).toBe('钱更正');
    expect((await b.get(`/api/v1/persons/${qianId}`)).body.name).toBe('钱更正');
    // and B, the one committee that owns SUN, corrects its own owner itself
    expect((await b.patch(`/api/v1/persons/${sunId}`, { name: '孙更正' })).status).toBe(200);
  });

  it('stays one head: linking again by the corrected name succeeds as the same person', async () => {
    const res = await a.post(`/api/v1/units/${unitOf.a102}/owners`, {
      name: '钱更正',
      idNumber: QIAN.idNumber,
      phone: PHONE.a,
    });
    expect(res.status).toBe(201);
    expect(res.body.owners[0]).toMatchObject({ id: qianId, phone: '137****0001' });
    expect((await a.get(`/api/v1/persons/${qianId}`)).body.units).toHaveLength(2);
  });
});
