/**
 * Every route against the wrong role and the wrong scope, read from the OpenAPI document so a
 * new route cannot slip past. Each is sent a request that passes validation (helpers/routes.ts
 * builds it from the route's schema), so what refuses it is the role or the scope:
 * - a read-only role (the district viewer) writes nothing: every write answers 403 `read_only`,
 *   with a valid body and with one it never looks at;
 * - committee staff of 胜利居委 and the adviser jjl, given the real id of something in another
 *   committee (one where jjl advises no project), read nothing of it and change nothing through
 *   any route (403 or 404), nor create anything under it;
 * - and the audit log, where every write leaves a row, has not grown.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';
import { call, callValid, isPublic, listRoutes, RANDOM_ID, type Route } from '../helpers/routes.ts';

let t: TestApp;
let routes: Route[];
let district: Client;
let shengli: Client;
let jjl: Client;
let admin: Client;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const auditCount = async () =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_events`))[0]!.n;

/**
 * The first path segment after /api/v1 names the kind of the {id}; how to find one in committee
 * `c` that is out of the reach of the adviser `j` (no project of theirs there).
 */
const ID_OF: Record<string, (c: string, j: string) => ReturnType<typeof sql>> = {
  estates: (c, j) => sql`select e.id from estates e where e.committee_id = ${c}
    and not exists (select 1 from buildings b join stairwells s on s.building_id = b.id join lift_projects p on p.stairwell_id = s.id where b.estate_id = e.id and p.adviser_user_id = ${j}) limit 1`,
  buildings: (c, j) => sql`select b.id from buildings b where b.committee_id = ${c}
    and not exists (select 1 from stairwells s join lift_projects p on p.stairwell_id = s.id where s.building_id = b.id and p.adviser_user_id = ${j}) limit 1`,
  stairwells: (c, j) => sql`select s.id from stairwells s where s.committee_id = ${c}
    and not exists (select 1 from lift_projects p where p.stairwell_id = s.id and p.adviser_user_id = ${j}) limit 1`,
  units: (c, j) => sql`select u.id from units u where u.committee_id = ${c}
    and not exists (select 1 from lift_projects p where p.stairwell_id = u.stairwell_id and p.adviser_user_id = ${j}) limit 1`,
  // someone who owns nothing outside that committee, nor where the adviser works
  persons: (
    c,
    j,
  ) => sql`select uo.person_id as id from unit_owners uo join units u on u.id = uo.unit_id where u.committee_id = ${c}
    and not exists (select 1 from unit_owners o2 join units u2 on u2.id = o2.unit_id left join lift_projects p on p.stairwell_id = u2.stairwell_id
                    where o2.person_id = uo.person_id and (u2.committee_id <> ${c} or p.adviser_user_id = ${j})) limit 1`,
  projects: (c, j) =>
    sql`select p.id from lift_projects p where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  'approval-steps': (c, j) =>
    sql`select a.id from approval_steps a join lift_projects p on p.id = a.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  documents: (c, j) =>
    sql`select d.id from project_documents d join lift_projects p on p.id = d.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  consultations: (c, j) =>
    sql`select x.id from consultations x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  'cost-plans': (c, j) =>
    sql`select x.id from cost_plans x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  'running-bills': (
    c,
    j,
  ) => sql`select b.id from running_bills b join running_cost_years y on y.id = b.year_id join lift_projects p on p.id = y.project_id
    where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  notices: (c, j) =>
    sql`select x.id from notices x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  objections: (c, j) =>
    sql`select x.id from objections x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  mediation: (c, j) =>
    sql`select x.id from mediation_cases x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  lifts: (c, j) =>
    sql`select x.id from lifts x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  faults: (c, j) =>
    sql`select x.id from lift_faults x join lift_projects p on p.id = x.project_id where p.committee_id = ${c} and p.adviser_user_id is distinct from ${j} limit 1`,
  users: (c) => sql`select u.id from users u where u.committee_id = ${c} limit 1`,
  // /me/sessions/{id}: a session of someone of that committee
  me: (c) =>
    sql`select s.id from sessions s join users u on u.id = s.user_id where u.committee_id = ${c} limit 1`,
};

/**
 * Street-level kinds: every staff role of the street reads them (committee staff and advisers
 * included); only the street admin changes them. Their path parameter is not an id.
 */
const STREET_LEVEL: Record<string, string> = { 'holiday-years': '2027' };

const kindOf = (template: string) => template.split('/')[3]!;
let ids: Record<string, string>;
let victimCommittee: string;
let victimLift: string;

beforeAll(async () => {
  t = await startTestApp({ histories: true });
  routes = await listRoutes(t.anonymous);
  [district, shengli, jjl, admin] = (await Promise.all(
    ['district', 'shengli', 'jjl', 'admin'].map((u) => t.as(u)),
  )) as [Client, Client, Client, Client];
  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q))[0];
  const jjlId = (await one<{ id: string }>(sql`select id from users where username = 'jjl'`))!.id;
  // the victim: the committee other than 胜利居委 with the most projects jjl does not advise
  victimCommittee = (await one<{
    id: string;
  }>(sql`select p.committee_id as id from lift_projects p join committees c on c.id = p.committee_id
    where c.name <> '胜利居委' and p.adviser_user_id is distinct from ${jjlId} group by p.committee_id order by count(*) desc, p.committee_id limit 1`))!
    .id;
  // what the demo does not hold there is made by the street admin: a document, an objection, a mediation case
  const inService = (await one<{ id: string }>(
    sql`select id from lift_projects where committee_id = ${victimCommittee} and stage = 'in_service' and adviser_user_id is distinct from ${jjlId} order by name limit 1`,
  ))!.id;
  await admin.inject({
    method: 'POST',
    url: `/api/v1/projects/${inService}/documents`,
    ...multipart(
      { title: '竣工验收报告', category: 'acceptance' },
      { name: 'a.pdf', content: PDF, type: 'application/pdf' },
    ),
  });
  const notice = (await one<{ id: string }>(ID_OF.notices!(victimCommittee, jjlId)))!;
  expect(
    (
      await admin.post(`/api/v1/notices/${notice.id}/objections`, {
        text: '担心采光',
        receivedOn: '2026-11-20',
      })
    ).status,
  ).toBe(201);
  expect(
    (await admin.post('/api/v1/mediation', { projectId: inService, kind: 'noise', title: '施工噪音' }))
      .status,
  ).toBe(201);
  // a fault reported by phone on its lift (the demo records the in-service lifts)
  victimLift = (await admin.get(`/api/v1/projects/${inService}/lift`)).body.lift.id;
  expect(
    (await admin.post('/api/v1/faults', { liftId: victimLift, kind: 'fault', channel: 'phone' })).status,
  ).toBe(201);
  expect(
    (
      await admin.post('/api/v1/users', {
        username: 'victim-staff',
        displayName: '另一居委 工作人员',
        password: STAFF_PASSWORD,
        role: 'committee_staff',
        scopeId: victimCommittee,
      })
    ).status,
  ).toBe(201);
  await t.as('victim-staff', STAFF_PASSWORD);
  ids = {};
  for (const [kind, query] of Object.entries(ID_OF)) {
    const row = await one<{ id: string }>(query(victimCommittee, jjlId));
    expect(row, `a ${kind} row out of scope`).toBeDefined();
    ids[kind] = row!.id;
  }
}, 120_000);
afterAll(() => t.close());

/** POSTs that compute and store nothing: a read-only role may call them. */
const WRITES_NOTHING = new Set(['POST /api/v1/projects/{id}/cost-plans/what-if']);
/** One's own session and password: every role changes them, the read-only one too (accounts.test.ts). */
const ownAccount = (r: Route) => r.template === '/api/v1/session' || r.template.startsWith('/api/v1/me/');
const writes = () =>
  routes.filter(
    (r) =>
      r.method !== 'GET' &&
      !isPublic(r) &&
      !ownAccount(r) &&
      !WRITES_NOTHING.has(`${r.method} ${r.template}`),
  );

describe('a read-only role', () => {
  it('is refused every write with 403, with a valid body or one it never reads, and writes nothing', async () => {
    const before = await auditCount();
    for (const r of writes()) {
      for (const res of [await callValid(district, r), await call(district, r, r.body ? {} : undefined)]) {
        expect(res.status, `${r.method} ${r.template}`).toBe(403);
        expect(res.body.error).toMatchObject({
          code: 'read_only',
          message: expect.stringMatching(/只能查看/),
          messageEn: expect.stringMatching(/read/),
        });
      }
    }
    expect(writes().length).toBeGreaterThan(40);
    expect(await auditCount()).toBe(before);
    // the public tools answer as to anyone, and a what-if comparison (stored nowhere) is open to readers
    expect(
      (
        await call(
          district,
          { method: 'POST', path: '/api/v1/tools/notice-period', template: '' },
          { start: '2026-09-22', days: 10 },
        )
      ).status,
    ).toBe(200);
    const whatIf = await district.post(`/api/v1/projects/${ids.projects}/cost-plans/what-if`, {
      constructionFen: 60_000_000,
      subsidy: { ruleId: 'sh-2020' },
      schemes: [
        { name: '按户均摊', scheme: { kind: 'equal', exemptFloors: [1] } },
        { name: '按面积', scheme: { kind: 'area', exemptFloors: [1] } },
      ],
    });
    expect(whatIf.status, JSON.stringify(whatIf.body)).toBe(200);
    expect(await auditCount()).toBe(before);
    // and logging out stays possible
    expect((await district.delete('/api/v1/session')).status).toBe(200);
  });
});

describe.each([
  ['committee staff of another committee', () => shengli],
  ['an adviser not assigned to the project', () => jjl],
])('%s', (_who, client) => {
  it('reads nothing and changes nothing through any route with an id out of scope', async () => {
    const before = await auditCount();
    let checked = 0;
    for (const r of routes.filter(
      (r) => r.template.includes('{') && !isPublic(r) && !(kindOf(r.template) in STREET_LEVEL),
    )) {
      const id = ids[kindOf(r.template)];
      expect(id, `an id for ${r.template}`).toBeDefined();
      const path = r.template
        .replace('{id}', id!)
        .replace(/\{version\}/g, '1')
        .replace(/\{[^}]+\}/g, RANDOM_ID);
      const res = await callValid(client(), r, path);
      expect(
        [403, 404],
        `${r.method} ${r.template} → ${res.status} ${JSON.stringify(res.body?.error)}`,
      ).toContain(res.status);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    expect(await auditCount()).toBe(before);
  });

  it('reads the street-level routes of its own street and changes none', async () => {
    const before = await auditCount();
    for (const r of routes.filter((r) => kindOf(r.template) in STREET_LEVEL && !isPublic(r))) {
      const path = r.template.replace(/\{[^}]+\}/g, STREET_LEVEL[kindOf(r.template)]!);
      const res = await callValid(client(), r, path);
      expect(res.status, `${r.method} ${r.template} → ${JSON.stringify(res.body?.error)}`).toBe(
        r.method === 'GET' ? 200 : 403,
      );
    }
    expect(await auditCount()).toBe(before);
  });

  it('creates nothing under something out of scope', async () => {
    const before = await auditCount();
    const creations: [string, string, Record<string, unknown>][] = [
      ['POST', '/api/v1/estates', { committeeId: victimCommittee, name: '越权小区' }],
      ['POST', '/api/v1/buildings', { estateId: ids.estates, name: '99号楼', floors: 6 }],
      ['POST', '/api/v1/stairwells', { buildingId: ids.buildings, name: '9单元' }],
      ['POST', '/api/v1/units', { stairwellId: ids.stairwells, floor: 1, room: '199', areaM2: '50.00' }],
      ['POST', '/api/v1/projects', { name: '越权项目', stairwellId: ids.stairwells }],
      [
        'POST',
        '/api/v1/consultations',
        {
          projectId: ids.projects,
          kind: 'vote',
          title: '越权表决',
          question: '同意吗？',
          ruleId: 'sh-801-building',
        },
      ],
      [
        'POST',
        '/api/v1/notices',
        { projectId: ids.projects, kind: 'design_scheme', title: '越权公示', startOn: '2026-12-01' },
      ],
      ['POST', '/api/v1/mediation', { projectId: ids.projects, kind: 'noise', title: '越权调解' }],
      ['POST', '/api/v1/faults', { liftId: victimLift, kind: 'fault', channel: 'phone' }],
      [
        'POST',
        '/api/v1/users',
        {
          username: 'intruder',
          displayName: '越权账号',
          password: 'jiangwan2026-x',
          role: 'committee_staff',
          scopeId: victimCommittee,
        },
      ],
      // not a creation, but a POST without an id: the full export of another committee discloses nothing
      ['POST', '/api/v1/registry/export', { committeeId: victimCommittee }],
    ];
    // every creating route is here, or it would not be checked
    const creating = writes()
      .filter((r) => r.method === 'POST' && !r.template.includes('{'))
      .map((r) => r.template);
    expect(creating.filter((p) => p !== '/api/v1/registry/import').sort()).toEqual(
      creations.map(([, p]) => p).sort(),
    );
    for (const [method, url, body] of creations) {
      const res = await client().inject({ method, url, payload: body });
      const said = `${method} ${url} → ${res.status} ${JSON.stringify(res.body.error)}`;
      // the reference out of scope is refused as one that does not exist: 403/404, or 400 naming it
      const reference = Object.keys(body).find((k) => k.endsWith('Id'))!;
      const nowhere = await client().inject({ method, url, payload: { ...body, [reference]: RANDOM_ID } });
      if (res.status === 400) expect(res.body.error.field, said).toBe(reference);
      else expect([403, 404], said).toContain(res.status);
      expect(res.body, said).toEqual(nowhere.body);
    }
    expect(await auditCount()).toBe(before);
  });
});
