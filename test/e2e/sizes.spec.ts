import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  firstItem,
  loginAs,
  projectsOf,
  staffSizeProblems,
  voteInProgress,
  type DemoUser,
} from './helpers.ts';

/**
 * The staff app's own sizes (issue 11 item 10, WCAG 2.2): text ≥ 14 px and pointer targets
 * ≥ 24 × 24 px (2.5.8, with its inline and spacing exceptions; staffSizeProblems in helpers.ts)
 * on every main staff page and each of its tabs, at 1280 px and at 360 px, where nothing scrolls
 * the page sideways; axe on each page at 360 px. One test per width walks the whole list.
 */

interface Ids {
  built: string;
  voting: string;
  vote: string;
  closedVote: string;
  estate: string;
  building: string;
  stairwell: string;
  mediation: string;
}

interface SizedPage {
  name: string;
  as: DemoUser;
  path: (ids: Ids) => string;
  /** click through the page's tabs (all but these), measuring each */
  tabs?: { skip?: RegExp };
  /** what to do on a tab before measuring it, by the tab's name */
  onTab?: Record<string, (page: Page) => Promise<void>>;
}

/** The codes tab is another piece of work's (consent codes and letters). */
const NOT_CODES = /户码与告知书/;

/** Runs a comparison so the per-floor chart is on the page. */
async function compareSchemes(page: Page) {
  await page.getByLabel('施工金额（元）').fill('620000');
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('per-floor-chart')).toBeVisible();
}

/** The pages measured, in one place. */
const PAGES: SizedPage[] = [
  { name: 'work list (street)', as: 'admin', path: () => '/worklist' },
  { name: 'bottlenecks', as: 'admin', path: () => '/approvals/bottlenecks' },
  { name: 'templates', as: 'admin', path: () => '/settings/templates' },
  { name: 'holidays', as: 'admin', path: () => '/settings/holidays' },
  { name: 'holiday year', as: 'admin', path: () => '/settings/holidays/2026' },
  { name: 'committees', as: 'admin', path: () => '/registry' },
  { name: 'estates', as: 'admin', path: () => '/registry/estates' },
  { name: 'estate', as: 'admin', path: (i) => `/registry/estates/${i.estate}` },
  { name: 'building', as: 'admin', path: (i) => `/registry/buildings/${i.building}` },
  { name: 'stairwell', as: 'admin', path: (i) => `/registry/stairwells/${i.stairwell}` },
  { name: 'owners', as: 'admin', path: () => '/registry/owners' },
  { name: 'excel', as: 'admin', path: () => '/registry/excel' },
  { name: 'projects', as: 'admin', path: () => '/projects' },
  { name: 'accounts', as: 'admin', path: () => '/settings/accounts' },
  { name: 'my account', as: 'admin', path: () => '/account' },
  { name: 'audit', as: 'admin', path: () => '/audit' },
  { name: 'mediation cases', as: 'admin', path: () => '/mediation' },
  { name: 'mediation case', as: 'admin', path: (i) => `/mediation/${i.mediation}` },
  { name: 'work list (district)', as: 'district', path: () => '/worklist' },
  { name: 'work list (adviser)', as: 'jjl', path: () => '/worklist' },
  { name: 'work list (committee)', as: 'shengli', path: () => '/worklist' },
  { name: 'project', as: 'shengli', path: (i) => `/projects/${i.built}`, tabs: {} },
  {
    name: 'money',
    as: 'shengli',
    path: (i) => `/projects/${i.built}/money`,
    tabs: {},
    onTab: { 方案试算: compareSchemes },
  },
  { name: 'consultations', as: 'shengli', path: (i) => `/projects/${i.built}/consultations` },
  {
    name: 'closed vote',
    as: 'shengli',
    path: (i) => `/consultations/${i.closedVote}`,
    tabs: { skip: NOT_CODES },
  },
  {
    name: 'vote in progress',
    as: 'shengli',
    path: (i) => `/consultations/${i.vote}`,
    tabs: { skip: NOT_CODES },
  },
  { name: 'notices', as: 'shengli', path: (i) => `/projects/${i.built}/notices` },
  { name: 'project in its vote', as: 'shengli', path: (i) => `/projects/${i.voting}` },
  { name: 'what-if (stairwell)', as: 'shengli', path: (i) => `/registry/stairwells/${i.stairwell}/what-if` },
];

/** The demo rows the pages show: a built project of 胜利居委 with its closed vote, its vote in progress, registry rows. */
async function demoIds(page: Page): Promise<Ids> {
  await loginAs(page.request, 'admin');
  const mediation = await firstItem<{ id: string }>(page.request, '/api/v1/mediation');
  await loginAs(page.request, 'shengli');
  const built = (await projectsOf(page.request, '胜利居委')).find((p) => p.stage === 'in_service')!;
  const { project: voting, vote } = await voteInProgress(page.request);
  const closedVote = await firstItem<{ id: string }>(
    page.request,
    `/api/v1/projects/${built.id}/consultations`,
  );
  return {
    built: built.id,
    voting: voting.id,
    vote: vote.id,
    closedVote: closedVote.id,
    estate: (await firstItem<{ id: string }>(page.request, '/api/v1/estates')).id,
    building: (await firstItem<{ id: string }>(page.request, '/api/v1/buildings')).id,
    stairwell: built.stairwellId,
    mediation: mediation.id,
  };
}

/** The page has its data: no spinner or skeleton, the network quiet. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  // a spinner that stays (a card still loading) is measured as it is rather than waited on for ever
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active'))
    .toHaveCount(0, { timeout: 5_000 })
    .catch(() => undefined);
}

// each width in two halves of the list, so the two workers share the walk
const HALVES = [PAGES.slice(0, 18), PAGES.slice(18)] as const;

for (const width of [1280, 360])
  for (const [half, pages] of HALVES.entries())
    test(`staff text ≥ 14 px and targets ≥ 24 px at ${width} px (pages, part ${half + 1} of 2)`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width, height: width > 600 ? 900 : 740 });
      const ids = await demoIds(page);
      const problems: string[] = [];
      const measure = async (where: string) => {
        problems.push(...(await staffSizeProblems(page)).map((p) => `${where}: ${p}`));
        if (width < 600) await expectNoHorizontalOverflow(page);
      };
      let who: DemoUser = 'shengli';
      for (const p of pages) {
        if (p.as !== who) await loginAs(page.request, (who = p.as));
        await page.goto(p.path(ids));
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await settled(page);
        // axe at the phone's width (the specs of each page run it at the desk's)
        if (width < 600)
          await expectNoAxeViolations(page).catch((e: unknown) => problems.push(`${p.name}: ${String(e)}`));
        if (!p.tabs) {
          await measure(p.name);
          continue;
        }
        const tabs = page.locator('main .ant-tabs').first().locator(':scope > .ant-tabs-nav [role=tab]');
        const names = (await tabs.allTextContents()).filter((n) => !p.tabs!.skip?.test(n));
        expect(names.length, `tabs of ${p.name}`).toBeGreaterThan(1);
        for (const name of names) {
          await tabs.getByText(name, { exact: true }).click();
          await settled(page);
          await p.onTab?.[name]?.(page);
          await measure(`${p.name} › ${name}`);
        }
      }
      expect(problems, `${problems.length} size problems at ${width} px`).toEqual([]);
    });
