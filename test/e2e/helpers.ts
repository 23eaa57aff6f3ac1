import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'jiangwan2026';
export type DemoUser = 'admin' | 'shengli' | 'jjl' | 'district';

/** Logs in through the API; the browser context shares the session cookie. */
export async function loginAs(request: APIRequestContext, username: DemoUser) {
  const res = await request.post('/api/v1/session', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), `login ${username}`).toBe(200);
  return (await res.json()) as { csrfToken: string; committeeIds: string[] };
}

/** axe with its default rules (WCAG 2.x A/AA and best practices) finds nothing on the page. */
export async function expectNoAxeViolations(page: Page) {
  // an element entering or leaving (a toast fading out) has a contrast of no final state
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[class]')].some((el) =>
        [...el.classList].some((c) => /-(appear|enter|leave)(-(start|active|prepare))?$/.test(c)),
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/**
 * Nothing on the page is wider than the viewport: wide tables scroll inside themselves. Polled: after
 * a viewport change antd's breakpoints re-render the header a moment later (slower on a busy machine).
 */
export async function expectNoHorizontalOverflow(page: Page) {
  const measure = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // what sticks out and is not inside something that scrolls or clips: named in the failure
      const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => {
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          return true;
        })
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`,
        );
      return { overflow: document.documentElement.scrollWidth - width, culprits };
    });
  let last = await measure();
  await expect
    .poll(async () => (last = await measure()).overflow, {
      message: `horizontal overflow on ${page.url()}`,
      timeout: 10_000,
    })
    .toBeLessThanOrEqual(0)
    .catch((err: unknown) => {
      throw new Error(`${String(err)}\nsticking out: ${last.culprits.join(', ')}`);
    });
}

/** The resident pages' rules: large type and large targets, measured on what the browser drew. */
export async function expectElderlyFriendly(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 1 &&
        r.height > 1 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('.jw-visually-hidden')
      );
    };
    if (parseFloat(getComputedStyle(document.body).fontSize) < 20)
      out.push(`body font ${getComputedStyle(document.body).fontSize}`);
    for (const el of document.querySelectorAll('body *')) {
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (ownText && shown(el) && parseFloat(getComputedStyle(el).fontSize) < 18)
        out.push(`${getComputedStyle(el).fontSize} text: ${el.textContent.trim().slice(0, 30)}`);
    }
    for (const el of document.querySelectorAll(
      'button, a[href], input:not([type=radio]):not([type=checkbox]), textarea, label.r-option',
    )) {
      const h = el.getBoundingClientRect().height;
      if (shown(el) && h < 48)
        out.push(`${Math.round(h)} px target: ${el.textContent?.trim().slice(0, 30) || el.tagName}`);
    }
    return out;
  });
  expect(problems, `type ≥ 18 px and targets ≥ 48 px on ${page.url()}`).toEqual([]);
}

/** GET a JSON API route with the page's session. */
export async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.ok(), `GET ${path} → ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** POST to a JSON API route with the page's session and its CSRF header (a reveal, an action without a form). */
export async function apiPost<T>(
  request: APIRequestContext,
  path: string,
  headers: Record<string, string>,
  data: unknown = {},
): Promise<T> {
  const res = await request.post(path, { headers, data });
  expect(res.ok(), `POST ${path} → ${res.status()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** The first item of a list route, e.g. the estate named in `q`. */
export async function firstItem<T>(request: APIRequestContext, path: string): Promise<T> {
  const page = await apiGet<{ items: T[] }>(request, path);
  expect(page.items.length, `items of ${path}`).toBeGreaterThan(0);
  return page.items[0]!;
}

/**
 * Picks an option of an antd Select by typing it and pressing Enter, as a keyboard user does
 * (clicking while the list slides open is racy; its role=option list is for screen readers).
 */
export async function chooseOption(page: Page, combobox: Locator, text: string) {
  await combobox.click();
  await combobox.pressSequentially(text);
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText(
    text,
  );
  await page.keyboard.press('Enter');
}

/** Types a date into an antd DatePicker as a keyboard user does, and confirms it with Enter. */
export async function typeDate(page: Page, input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect(input).toHaveValue(day);
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
}

export interface DemoProject {
  id: string;
  name: string;
  stage: string;
  stairwellId: string;
  committeeName: string;
  createdAt: string;
}

/**
 * A committee's projects in a fixed order: the demo street's first (created at seeding, by name),
 * then those the tests made. Specs take their own index, so none writes to another's project,
 * whatever ran before (the list page's order follows the last update).
 */
export async function projectsOf(request: APIRequestContext, committeeName: string): Promise<DemoProject[]> {
  const { items } = await apiGet<{ items: DemoProject[] }>(request, '/api/v1/projects?pageSize=500');
  return items
    .filter((p) => p.committeeName === committeeName)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
}

/**
 * A picture for docs/screenshots, taken only when JW_SCREENSHOTS is set (the browser tests stay
 * fast otherwise); `settle` waits out an entry animation (a chart's).
 */
export async function shoot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean; settle?: number; dir?: string } = {},
) {
  if (!process.env.JW_SCREENSHOTS) return;
  const dir = opts.dir ?? 'docs/screenshots';
  await mkdir(dir, { recursive: true });
  await page.waitForLoadState('networkidle');
  if (opts.settle) await page.waitForTimeout(opts.settle);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: opts.fullPage ?? false });
}

interface Code {
  groupId: string;
  label: string;
  code: string;
}

/** The demo's vote in progress at 胜利居委, as its worker opens it: the vote, its codes, its project (logs the request in). */
export async function openVoteCodes(request: APIRequestContext) {
  const { csrfToken } = await loginAs(request, 'shengli');
  // the demo project whose open vote has a plan put to it (other specs may move its stage on)
  let found: { project: DemoProject; vote: { id: string } } | null = null;
  for (const project of await projectsOf(request, '胜利居委')) {
    const plans = await apiGet<{ items: { consultationId: string | null; status: string }[] }>(
      request,
      `/api/v1/projects/${project.id}/cost-plans`,
    );
    const put = plans.items.find((p) => p.consultationId && p.status === 'draft');
    if (put) {
      found = { project, vote: { id: put.consultationId! } };
      break;
    }
  }
  expect(found, '胜利居委 has a vote in progress with its plan').not.toBeNull();
  const { project, vote } = found!;
  const codes = await apiPost<{ items: Code[] }>(request, `/api/v1/consultations/${vote.id}/codes/reveal`, {
    'x-csrf-token': csrfToken,
  });
  return { vote, codes: codes.items, project, csrfToken };
}
