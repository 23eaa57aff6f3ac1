import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { shanghaiDay } from './clock.ts';
import { expect } from './fixtures.ts';
import { loginAs } from './helpers.ts';

/**
 * Staff's side of the resident pages' tests: 胜利居委's worker opens votes and surveys through the
 * API (the demo street has none open) in a request context of its own.
 */

export const QUESTION = '您是否同意在本单元加装电梯，并按公示的费用分摊方案分摊费用？';
export const SUMMARY =
  '设计方案：电梯位于北侧楼梯间外，平层入户。费用：总价 52 万元，扣除政府补贴后按楼层系数分摊，一楼不出资。';

interface Opened {
  id: string;
  title: string;
  codes: { groupId: string; label: string; code: string }[];
}

/** The staff side: 胜利居委's worker, in a request context of its own (the resident never logs in). */
export class Staff {
  private constructor(
    readonly api: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async login(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined) {
    const api = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await loginAs(api, 'shengli');
    return new Staff(api, csrfToken);
  }

  async post<T>(path: string, data: unknown = {}): Promise<T> {
    const res = await this.api.post(path, { data, headers: { 'x-csrf-token': this.csrf } });
    expect(res.ok(), `POST ${path} → ${res.status()} ${await res.text()}`).toBeTruthy();
    return (await res.json()) as T;
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.api.get(path);
    expect(res.ok(), `GET ${path} → ${res.status()}`).toBeTruthy();
    return (await res.json()) as T;
  }

  /** Creates and opens a consultation on one of the committee's projects; `pick` spreads tests over projects. */
  async open(kind: 'vote' | 'survey', pick: number): Promise<Opened> {
    const projects = await this.get<{ items: { id: string; name: string; committeeName: string }[] }>(
      '/api/v1/projects?pageSize=100',
    );
    const mine = projects.items.filter((p) => p.committeeName === '胜利居委');
    expect(mine.length).toBeGreaterThan(0);
    const project = mine[mine.length - 1 - (pick % mine.length)]!;
    const title = `${project.name.replace(/加装电梯$/, '')}加装电梯${kind === 'vote' ? '业主表决' : '意向征询'}`;
    const created = await this.post<{ id: string }>('/api/v1/consultations', {
      projectId: project.id,
      kind,
      title,
      question: kind === 'vote' ? QUESTION : '为了解各位业主对加装电梯的意愿，请花两分钟回答几个问题。',
      documentsSummary: SUMMARY,
      ...(kind === 'vote' ? { ruleId: 'sh-801-building' } : {}),
      scopeKind: 'stairwell',
      opensOn: shanghaiDay(0),
      closesOn: shanghaiDay(14),
    });
    await this.post(`/api/v1/consultations/${created.id}/open`);
    const codes = await this.post<{ items: Opened['codes'] }>(
      `/api/v1/consultations/${created.id}/codes/reveal`,
    );
    expect(codes.items.length).toBeGreaterThan(1);
    return { id: created.id, title, codes: codes.items };
  }

  async ballotOf(consultationId: string, groupId: string) {
    const tally = await this.get<{ groups: { id: string; ballot: string | null; channel: string | null }[] }>(
      `/api/v1/consultations/${consultationId}/tally`,
    );
    return tally.groups.find((g) => g.id === groupId);
  }
}
