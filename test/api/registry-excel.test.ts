/**
 * Excel in and out of the registry: the template, an import that is all rows or nothing, and
 * an export that re-imports cleanly. Independent of row order and ids: units are found by
 * names and compared as sorted lists.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../src/core/privacy.ts';
import { COLUMNS, type SheetRow } from '../../src/server/modules/registry/excel/layout.ts';
import { writeRegistryWorkbook } from '../../src/server/modules/registry/excel/workbook.ts';
import { EXCEL_MIME } from '../../src/server/platform/files.ts';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

const IMPORT = '/api/v1/registry/import';
const HEADERS = COLUMNS.map((c) => c.header);

const idNumber = (serial: number) => {
  const first17 = `31010919600101${String(serial).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
};
const ZHANG = { ownerName: '张测试', idNumber: idNumber(1), phone: '13900000001' };
const LI = { ownerName: '李测试', idNumber: idNumber(2), phone: '13900000002' };

/** Rows of one test estate of 胜利居委: building 1号 (6 floors), stairwell 1单元. */
function estateRows(estate: string, units: (Partial<SheetRow> & { room: string })[]): SheetRow[] {
  return units.map((u) => ({
    committee: '胜利居委',
    estate,
    estateAddress: `上海市虹口区测试路${estate}`,
    building: '1号',
    floors: 6,
    buildingAddress: '',
    stairwell: '1单元',
    floor: Number(u.room.slice(0, 1)),
    area: '65.40',
    ownerName: '',
    idNumber: '',
    phone: '',
    ...u,
  }));
}

/** 101 co-owned by 张 and 李, 102 also owned by 张 (one person, two units), 201 without owner. */
const goodRows = (estate: string) =>
  estateRows(estate, [
    { room: '101', ...ZHANG },
    { room: '101', ...LI },
    { room: '102', area: '58.2', ...ZHANG },
    { room: '201', area: '70.05' },
  ]);

function multipart(file: Buffer, field = 'file', filename = 'registry.xlsx') {
  const boundary = `----jiangwan${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${EXCEL_MIME}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (c: Client, file: Buffer, field?: string) =>
  c.inject({ method: 'POST', url: IMPORT, ...multipart(file, field) });
const importRows = async (c: Client, rows: SheetRow[]) => upload(c, await writeRegistryWorkbook(rows));

async function registryCounts(c: Client) {
  const total = async (path: string) => (await c.get(`${path}?pageSize=1`)).body.total as number;
  return {
    estates: await total('/api/v1/estates'),
    buildings: await total('/api/v1/buildings'),
    stairwells: await total('/api/v1/stairwells'),
    units: await total('/api/v1/units'),
    persons: await total('/api/v1/persons'),
  };
}

/** Every unit of an estate as "building stairwell room floor area owners", sorted. */
async function unitsOfEstate(c: Client, estate: string) {
  const estates = (await c.get(`/api/v1/estates?q=${encodeURIComponent(estate)}`)).body.items.filter(
    (e: { name: string }) => e.name === estate,
  );
  if (!estates.length) return [];
  const stairwells = (await c.get(`/api/v1/stairwells?estateId=${estates[0].id}&pageSize=500`)).body.items;
  const lines: string[] = [];
  for (const s of stairwells) {
    for (const u of (await c.get(`/api/v1/units?stairwellId=${s.id}&pageSize=500`)).body.items) {
      const owners = u.owners
        .map((o: { name: string }) => o.name)
        .sort()
        .join('+');
      lines.push(`${s.buildingName} ${s.name} ${u.room} F${u.floor} ${u.areaM2} ${owners}`);
    }
  }
  return lines.sort();
}

/** The registry sheet of a workbook as objects keyed by the Chinese headers. */
async function readSheet(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as never);
  const sheet = workbook.getWorksheet('房屋与业主')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).text])));
  });
  return { workbook, headers, rows };
}

let t: TestApp;
let admin: Client;
let shengli: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  shengli = await t.as('shengli');
});
afterAll(() => t.close());

describe('import template', () => {
  it('downloads as .xlsx with the Chinese headers, example rows and a guide sheet', async () => {
    const res = await admin.get('/api/v1/registry/import-template');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(EXCEL_MIME);
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('房屋与业主导入模板.xlsx')}`,
    );
    const { workbook, headers, rows } = await readSheet(res.raw);
    expect(headers).toEqual([
      '居委会',
      '小区',
      '小区地址',
      '楼幢',
      '楼幢层数',
      '楼幢地址',
      '单元',
      '楼层',
      '室号',
      '登记面积(㎡)',
      '业主姓名',
      '身份证号',
      '手机号',
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const guide = workbook.getWorksheet('填写说明')!;
    const explained = guide.getColumn(1).values.map(String);
    for (const h of HEADERS) expect(explained).toContain(h);
  });

  it('needs a login', async () => {
    expect((await t.anonymous.get('/api/v1/registry/import-template')).status).toBe(401);
  });
});

describe('import', () => {
  it('refuses a file with one bad row among good rows, naming row, column and reason in both languages, and writes nothing', async () => {
    const before = await registryCounts(admin);
    const rows = goodRows('测试小区甲');
    rows.splice(2, 0, {
      ...rows[0]!,
      room: '103',
      area: '65.405',
      ownerName: '王测试',
      idNumber: idNumber(3),
    }); // Excel row 4
    const res = await importRows(admin, rows);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'import_rejected', field: 'file' });
    expect(res.body.error.message).toMatch(/未写入/);
    expect(res.body.error.messageEn).toMatch(/nothing was written/);
    expect(res.body.error.details.rows).toEqual([
      {
        row: 4,
        column: '登记面积(㎡)',
        message: expect.stringMatching(/两位小数/),
        messageEn: expect.stringMatching(/two decimals/),
      },
    ]);
    expect(await registryCounts(admin)).toEqual(before);
    expect(await unitsOfEstate(admin, '测试小区甲')).toEqual([]);
  });

  it('lists every kind of bad row: missing cells, unknown committee, floors, ID and phone, conflicts and duplicates', async () => {
    const base = goodRows('测试小区乙')[0]!;
    const rows: SheetRow[] = [
      base, // row 2, good
      { ...base, room: '' }, // 3
      { ...base, committee: '不存在居委' }, // 4
      { ...base, building: '2号', floors: 13 }, // 5
      { ...base, room: '701', floor: 7 }, // 6: above the building's 6 floors
      { ...base, room: '104', idNumber: '31010919600101', phone: '12345' }, // 7
      { ...base, room: '105', ownerName: '另一人' }, // 8: 张's ID with another name
      { ...base, ...LI, area: '70.00' }, // 9: unit 101 with another area
      { ...base }, // 10: the same owner of the same unit again
      { ...base, estate: 'x'.repeat(61) }, // 11
      { ...base, building: '26号', estate: '广粤路1601弄', floors: 12, room: '601' }, // 12: the demo building has fewer floors
      { ...base, room: '106', idNumber: '3101**********1234' }, // 13: a masked ID number names no stored owner
    ];
    const res = await importRows(admin, rows);
    expect(res.status).toBe(400);
    const found = res.body.error.details.rows.map(
      (i: { row: number; column: string }) => `${i.row} ${i.column}`,
    );
    expect(found).toEqual([
      '3 室号',
      '4 居委会',
      '5 楼幢层数',
      '6 楼层',
      '7 身份证号',
      '7 手机号',
      '8 业主姓名',
      '9 登记面积(㎡)',
      '10 业主姓名',
      '11 小区',
      '12 楼幢层数',
      '13 身份证号',
    ]);
    for (const issue of res.body.error.details.rows) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.messageEn).toMatch(/[a-z]/);
    }
    expect(await unitsOfEstate(admin, '测试小区乙')).toEqual([]);
  });

  it('imports a good file: units with exact areas, a co-owned unit, one person owning two units', async () => {
    const before = await registryCounts(admin);
    const res = await importRows(admin, goodRows('测试小区丙'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      counts: { estates: 1, buildings: 1, stairwells: 1, units: 3, persons: 2, owners: 3 },
      created: { estates: 1, buildings: 1, stairwells: 1, units: 3, persons: 2, owners: 3 },
      updated: { estates: 0, buildings: 0, stairwells: 0, units: 0, persons: 0, owners: 0 },
    });
    expect(await unitsOfEstate(admin, '测试小区丙')).toEqual(
      [
        '1号 1单元 101 F1 65.40 张测试+李测试',
        '1号 1单元 102 F1 58.20 张测试',
        '1号 1单元 201 F2 70.05 ',
      ].sort(),
    );
    const after = await registryCounts(admin);
    expect(after.units - before.units).toBe(3);
    expect(after.persons - before.persons).toBe(2);
    const zhang = (await admin.get(`/api/v1/persons?q=${encodeURIComponent('张测试')}`)).body.items;
    expect(zhang).toHaveLength(1);
    expect(zhang[0].units).toHaveLength(2);
  });

  it('importing the same file again changes nothing', async () => {
    const file = await writeRegistryWorkbook(goodRows('测试小区丁'));
    expect((await upload(admin, file)).status).toBe(200);
    const before = await registryCounts(admin);
    const again = await upload(admin, file);
    expect(again.status).toBe(200);
    expect(again.body.counts).toMatchObject({ units: 3, owners: 3 });
    expect(Object.values(again.body.created)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Object.values(again.body.updated)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await registryCounts(admin)).toEqual(before);
  });

  it('updates what changed, keeps what an empty cell leaves out, and audits the import with its counts', async () => {
    await importRows(admin, goodRows('测试小区戊'));
    const changed = goodRows('测试小区戊').map((r) =>
      r.room === '201' ? { ...r, area: '71.00' } : { ...r, estateAddress: '' },
    );
    const res = await importRows(admin, changed);
    expect(res.status).toBe(200);
    expect(res.body.updated).toMatchObject({ units: 1, estates: 0 });
    expect(await unitsOfEstate(admin, '测试小区戊')).toContain('1号 1单元 201 F2 71.00 ');
    const estate = (await admin.get(`/api/v1/estates?q=${encodeURIComponent('测试小区戊')}`)).body.items[0];
    expect(estate.address).toBe('上海市虹口区测试路测试小区戊');
    const events = (await admin.get('/api/v1/audit?action=import&pageSize=100')).body.items;
    const last = events.find((e: { after: { updated: { units: number } } }) => e.after.updated.units === 1);
    expect(last).toMatchObject({
      entity: 'registry',
      actorName: 'admin',
      after: {
        counts: { units: 3 },
        changes: [{ entity: 'unit', before: { areaCenti: 7005 }, after: { areaCenti: 7100 } }],
      },
    });
  });

  it('gives an owner registered without an ID number the number from the file, rather than a twin', async () => {
    await importRows(admin, estateRows('测试小区丑', [{ room: '101', ownerName: '赵测试' }]));
    const res = await importRows(
      admin,
      estateRows('测试小区丑', [{ room: '101', ownerName: '赵测试', idNumber: idNumber(4) }]),
    );
    expect(res.status).toBe(200);
    expect(res.body.created.persons).toBe(0);
    expect(res.body.updated.persons).toBe(1);
    expect(res.body.created.owners).toBe(0);
    const zhao = (await admin.get(`/api/v1/persons?q=${encodeURIComponent('赵测试')}`)).body.items;
    expect(zhao).toHaveLength(1);
    expect(zhao[0].idNumber).toMatch(/^3101\*+/);
  });

  it('lets committee staff import their own committee and refuses rows of another', async () => {
    expect((await importRows(shengli, goodRows('测试小区己'))).status).toBe(200);
    const rows = [
      ...goodRows('测试小区庚'),
      ...estateRows('测试小区庚', [{ room: '301', committee: '新市北路居委' }]),
    ];
    const res = await importRows(shengli, rows);
    expect(res.status).toBe(400);
    expect(res.body.error.details.rows).toEqual([
      expect.objectContaining({
        row: 6,
        column: '居委会',
        messageEn: expect.stringMatching(/may not import/),
      }),
    ]);
    expect(await unitsOfEstate(admin, '测试小区庚')).toEqual([]);
  });

  it('refuses anonymous callers (401), district viewers and advisers (403)', async () => {
    const file = await writeRegistryWorkbook(goodRows('测试小区辛'));
    expect((await upload(t.anonymous, file)).status).toBe(401);
    for (const who of ['district', 'jjl']) {
      const res = await upload(await t.as(who), file);
      expect(res.status, who).toBe(403);
      expect(res.body.error.messageEn).toEqual(expect.any(String));
    }
    expect(await unitsOfEstate(admin, '测试小区辛')).toEqual([]);
  });

  it('answers 400 naming `file` for a file that is not an .xlsx, a missing file field, or a workbook without the sheet', async () => {
    const notXlsx = await upload(admin, Buffer.from('居委会,小区\n胜利居委,测试\n'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error).toMatchObject({ code: 'bad_input', field: 'file' });
    expect(notXlsx.body.error.messageEn).toMatch(/xlsx/);
    const wrongField = await upload(admin, await writeRegistryWorkbook(goodRows('测试小区壬')), 'upload');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.field).toBe('file');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const noSheet = await upload(admin, Buffer.from(await other.xlsx.writeBuffer()));
    expect(noSheet.status).toBe(400);
    expect(noSheet.body.error.field).toBe('file');
    const json = await admin.post(IMPORT, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.field).toBe('file');
  });
});

describe('export', () => {
  it('masks ID numbers and phones on GET; the POST shows them and is audited', async () => {
    await importRows(admin, goodRows('测试小区癸'));
    const masked = await admin.get('/api/v1/registry/export');
    expect(masked.status).toBe(200);
    expect(masked.headers['content-type']).toBe(EXCEL_MIME);
    const mine = (rows: Record<string, string>[]) => rows.filter((r) => r['小区'] === '测试小区癸');
    const maskedRows = mine((await readSheet(masked.raw)).rows);
    expect(maskedRows).toHaveLength(4);
    expect(maskedRows.map((r) => r['身份证号']).filter(Boolean)).toEqual(
      expect.arrayContaining(['3101**********' + ZHANG.idNumber.slice(-4)]),
    );
    expect(maskedRows.every((r) => !r['身份证号'] || r['身份证号'].includes('*'))).toBe(true);
    expect(maskedRows.every((r) => !r['手机号'] || r['手机号'].includes('*'))).toBe(true);
    const fullExports = async () =>
      (await admin.get('/api/v1/audit?action=export_full')).body.total as number;
    const fullExportsBefore = await fullExports();

    const full = await admin.post('/api/v1/registry/export', {});
    expect(full.status).toBe(200);
    const fullRows = mine((await readSheet(full.raw)).rows);
    expect(fullRows.map((r) => r['身份证号'])).toEqual(expect.arrayContaining([ZHANG.idNumber, LI.idNumber]));
    expect(fullRows.find((r) => r['室号'] === '201')!['登记面积(㎡)']).toBe('70.05');
    expect(await fullExports()).toBe(fullExportsBefore + 1);
    const latest = (await admin.get('/api/v1/audit?action=export_full&pageSize=1')).body.items[0];
    expect(latest).toMatchObject({ entity: 'registry', actorName: 'admin' });
  });

  it('refuses full exports to roles that may not see personal data, and anonymous callers', async () => {
    expect((await (await t.as('district')).post('/api/v1/registry/export', {})).status).toBe(403);
    expect((await (await t.as('jjl')).post('/api/v1/registry/export', {})).status).toBe(403);
    expect((await t.anonymous.get('/api/v1/registry/export')).status).toBe(401);
  });

  it('gives committee staff only their committee, and advisers only their assigned stairwells', async () => {
    const staffRows = (await readSheet((await shengli.get('/api/v1/registry/export')).raw)).rows;
    expect(staffRows.length).toBeGreaterThan(0);
    expect(new Set(staffRows.map((r) => r['居委会']))).toEqual(new Set(['胜利居委']));
    const all = (await readSheet((await admin.get('/api/v1/registry/export')).raw)).rows;
    expect(new Set(all.map((r) => r['居委会'])).size).toBeGreaterThan(1);
    const adviserRows = (await readSheet((await (await t.as('jjl')).get('/api/v1/registry/export')).raw))
      .rows;
    expect(adviserRows.length).toBeGreaterThan(0);
    expect(adviserRows.length).toBeLessThan(all.length);
  });

  it('re-imports its own masked export without changing anything, keeping the real ID numbers and phones', async () => {
    await importRows(admin, goodRows('测试小区子'));
    const exported = await shengli.get('/api/v1/registry/export');
    const before = await registryCounts(admin);
    const res = await upload(shengli, exported.raw);
    expect(res.status).toBe(200);
    expect(Object.values(res.body.created)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Object.values(res.body.updated)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await registryCounts(admin)).toEqual(before);
    const full = (await readSheet((await admin.post('/api/v1/registry/export', {})).raw)).rows.filter(
      (r) => r['小区'] === '测试小区子',
    );
    expect(full.map((r) => r['身份证号'])).toEqual(expect.arrayContaining([ZHANG.idNumber, LI.idNumber]));
    expect(full.map((r) => r['手机号'])).toEqual(expect.arrayContaining([ZHANG.phone]));
  });
});
