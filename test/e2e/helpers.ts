import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { shanghaiDay } from './clock.ts';

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

/** The demo's vote in progress at 胜利居委 and its project, as the session in `request` sees them. */
export async function voteInProgress(request: APIRequestContext) {
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
  return found!;
}

/** The demo's vote in progress at 胜利居委, as its worker opens it: the vote, its codes, its project (logs the request in). */
export async function openVoteCodes(request: APIRequestContext) {
  const { csrfToken } = await loginAs(request, 'shengli');
  const { project, vote } = await voteInProgress(request);
  const codes = await apiPost<{ items: Code[] }>(request, `/api/v1/consultations/${vote.id}/codes/reveal`, {
    'x-csrf-token': csrfToken,
  });
  return { vote, codes: codes.items, project, csrfToken };
}

/**
 * The staff app's sizes (WCAG 2.2): every text drawn at ≥ 14 px, every pointer target ≥ 24 × 24 px
 * (2.5.8) unless one of its exceptions holds — a link inside a sentence, or a small target whose
 * 24 px circle touches no other target nor another small target's circle. Returns the offenders
 * (path, text, size); text on a canvas cannot be measured, so a canvas is an offender too.
 */
export async function staffSizeProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ minFont, minTarget }) => {
      const out: string[] = [];
      const path = (el: Element) => {
        const parts: string[] = [];
        for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
          const cls = [...e.classList].filter((c) => !c.startsWith('css-')).slice(0, 2);
          parts.unshift(e.tagName.toLowerCase() + cls.map((c) => `.${c}`).join(''));
        }
        return parts.join('>');
      };
      const label = (el: Element) =>
        (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24) ||
        el.getAttribute('aria-label') ||
        el.getAttribute('title') ||
        '';
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        if (getComputedStyle(el).visibility !== 'visible') return false;
        if (el.closest('.jw-visually-hidden')) return false;
        for (let e: Element | null = el; e; e = e.parentElement)
          if (getComputedStyle(e).opacity === '0') return false;
        return true;
      };

      // text: each text node at the size its element draws it (an SVG's text scaled by its matrix)
      const seen = new Set<Element>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !n.textContent!.trim()) continue;
        if (el.closest('script, style, noscript, title')) continue;
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || !shown(el)) continue;
        seen.add(el);
        let size = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) size *= Math.abs(el.getScreenCTM()?.a ?? 1);
        if (size < minFont - 0.01)
          out.push(`text ${size.toFixed(1)} px: ${path(el)} "${n.textContent!.trim().slice(0, 24)}"`);
      }
      for (const el of document.querySelectorAll('input, textarea')) {
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (shown(el) && size < minFont - 0.01) out.push(`text ${size} px: ${path(el)} (field)`);
      }
      for (const el of document.querySelectorAll('canvas'))
        if (shown(el)) out.push(`canvas (text not measurable, draw it as SVG): ${path(el)}`);

      // targets: what takes the click, e.g. a tab's whole box rather than its label
      const SELECTOR = [
        'a[href]',
        'button',
        '[role=button]',
        '[role=link]',
        '[role=tab]',
        '[role=checkbox]',
        '[role=radio]',
        '[role=switch]',
        '[role=menuitem]',
        'input:not([type=hidden])',
        'select',
        'textarea',
        'summary',
        'label.ant-checkbox-wrapper',
        'label.ant-radio-wrapper',
        'label.ant-radio-button-wrapper',
        '.ant-pagination-item',
        '.ant-pagination-prev',
        '.ant-pagination-next',
        '.ant-pagination-jump-prev',
        '.ant-pagination-jump-next',
        'th.ant-table-column-has-sorters',
        '.ant-table-row-expand-icon',
      ].join(',');
      const OWNER = [
        '.ant-tabs-tab',
        '.ant-pagination-item',
        '.ant-pagination-prev',
        '.ant-pagination-next',
        '.ant-pagination-jump-prev',
        '.ant-pagination-jump-next',
        '.ant-select',
        '.ant-picker',
        '.ant-input-affix-wrapper',
        '.ant-input-number',
        'label.ant-checkbox-wrapper',
        'label.ant-radio-wrapper',
        'label.ant-radio-button-wrapper',
      ].join(',');
      const targets = [
        ...new Set([...document.querySelectorAll(SELECTOR)].map((el) => el.closest(OWNER) ?? el)),
      ].filter(shown);
      const rects = new Map(targets.map((t) => [t, t.getBoundingClientRect()]));
      const small = (r: DOMRect) => r.width < minTarget - 0.5 || r.height < minTarget - 0.5;
      // a link set in running text: the block around it has text of its own, outside any target
      const inSentence = (el: Element) => {
        if (!el.matches('a, [role=link]') || getComputedStyle(el).display !== 'inline') return false;
        let block = el.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        if (!block) return false;
        const texts = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = texts.nextNode(); n; n = texts.nextNode()) {
          const owner = n.parentElement!.closest(SELECTOR);
          if (n.textContent!.trim() && !(owner && block.contains(owner))) return true;
        }
        return false;
      };
      const centre = (r: DOMRect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
      const radius = minTarget / 2;
      for (const t of targets) {
        const r = rects.get(t)!;
        if (!small(r) || inSentence(t)) continue;
        // the spacing exception: a circle of 24 px centred on it meets no other target, nor another small one's circle
        const c = centre(r);
        const crowded = targets.find((u) => {
          if (u === t || u.contains(t) || t.contains(u)) return false;
          const q = rects.get(u)!;
          const dx = Math.max(q.left - c.x, 0, c.x - q.right);
          const dy = Math.max(q.top - c.y, 0, c.y - q.bottom);
          if (Math.hypot(dx, dy) < radius - 0.01) return true;
          const d = centre(q);
          return small(q) && Math.hypot(d.x - c.x, d.y - c.y) < 2 * radius - 0.01;
        });
        if (crowded)
          out.push(
            `target ${Math.round(r.width)}×${Math.round(r.height)} px: ${path(t)} "${label(t)}" (next to ${path(crowded)} "${label(crowded)}")`,
          );
      }
      return out;
    },
    { minFont: 14, minTarget: 24 },
  );
}

/** What a page sent to the speech engine, in order (see `fakeSpeech`). */
export interface Spoken {
  text: string;
  lang: string;
  voice: string;
}

/**
 * The headless browser has no speech engine and no voices: this installs `voices` and records
 * what would be spoken with which voice (read it with `spokenOn`). The utterance's voice setter
 * takes only a real voice, so it becomes a plain property along with the engine.
 */
export async function fakeSpeech(page: Page, voices: { name: string; lang: string }[]) {
  await page.addInitScript((installed) => {
    const spoken: Spoken[] = [];
    (window as unknown as { spoken: Spoken[] }).spoken = spoken;
    window.speechSynthesis.getVoices = () =>
      installed.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false }));
    Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', { writable: true, value: null });
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' });
      setTimeout(() => u.onend?.(new SpeechSynthesisEvent('end', { utterance: u })), 20);
    };
  }, voices);
}

export const spokenOn = (page: Page) =>
  page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);

/** A phone with a Mandarin and an English voice. */
export const CHINESE_AND_ENGLISH = [
  { name: 'Test English', lang: 'en-US' },
  { name: 'Test 普通话', lang: 'zh_CN' },
];

/** One household's share in an adopted plan, as GET /cost-plans/:id gives it. */
export interface AdoptedShare {
  shareFen: number;
  signedAt: string | null;
}

/**
 * 胜利居委's demo project in 协议 with its adopted plan and the plan's shares, as the money page
 * shows them (the request must be logged in as a user who sees the committee).
 */
export async function projectInAgreement(request: APIRequestContext) {
  const project = (await projectsOf(request, '胜利居委')).find((p) => p.stage === 'agreement');
  expect(project, '胜利居委 has a project in 协议').toBeTruthy();
  const plans = await apiGet<{ items: { id: string; status: string }[] }>(
    request,
    `/api/v1/projects/${project!.id}/cost-plans`,
  );
  const adopted = plans.items.find((p) => p.status === 'adopted');
  expect(adopted, 'an adopted plan').toBeTruthy();
  const { shares } = await apiGet<{ shares: AdoptedShare[] }>(request, `/api/v1/cost-plans/${adopted!.id}`);
  return { project: project!, shares };
}

/**
 * Household codes of a project's stairwell, for a resident's page in a test: a survey opened on
 * the project for the purpose (survey codes open the same household page as a vote's).
 */
export async function householdCodesOf(
  request: APIRequestContext,
  headers: Record<string, string>,
  project: { id: string; name: string },
  title = `${project.name}住户意见征询`,
): Promise<string[]> {
  const survey = await apiPost<{ id: string }>(request, '/api/v1/consultations', headers, {
    projectId: project.id,
    kind: 'survey',
    title,
    question: '请谈谈您的意见。',
    scopeKind: 'stairwell',
    opensOn: shanghaiDay(0),
    closesOn: shanghaiDay(14),
  });
  await apiPost(request, `/api/v1/consultations/${survey.id}/open`, headers);
  const codes = await apiPost<{ items: { code: string }[] }>(
    request,
    `/api/v1/consultations/${survey.id}/codes/reveal`,
    headers,
  );
  return codes.items.map((c) => c.code);
}
