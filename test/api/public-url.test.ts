/**
 * The public address (issue 11, item 3): letters' QR codes and addresses point where owners can
 * open them — JW_PUBLIC_URL when it is set, and the pages are told whether it is, so the letters
 * page can warn before printing codes that point at a staff browser's address.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

async function docxText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

/** A vote opened on a stairwell of 胜利居委, and its household codes. */
async function openVote(staff: Client) {
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 4,
  );
  const project = (await staff.post('/api/v1/projects', { name: '公开网址测试', stairwellId: stairwell.id }))
    .body;
  const vote = (
    await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'vote',
      title: '加装电梯表决',
      question: '您是否同意本单元加装电梯？',
      ruleId: 'sh-801-building',
    })
  ).body;
  expect((await staff.post(`/api/v1/consultations/${vote.id}/open`)).status).toBe(200);
  const codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items as {
    code: string;
  }[];
  return { vote, codes };
}

describe('with JW_PUBLIC_URL set', () => {
  let t: TestApp;
  let staff: Client;
  beforeAll(async () => {
    t = await startTestApp({ publicUrl: 'https://lift.example.org/' });
    staff = await t.as('shengli');
  });
  afterAll(() => t.close());

  it('tells the pages the address, without the trailing slash', async () => {
    expect((await staff.get('/api/v1/session')).body.publicUrl).toBe('https://lift.example.org');
  });

  it('prints every letter with that address and the code, whatever address staff used', async () => {
    const { vote, codes } = await openVote(staff);
    const text = await docxText((await staff.post(`/api/v1/consultations/${vote.id}/letters.docx`)).raw);
    for (const { code } of codes) expect(text).toContain(`https://lift.example.org/r/${code}`);
    expect(text).not.toContain('localhost');
  });
});

describe('without it', () => {
  let t: TestApp;
  let staff: Client;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('shengli');
  });
  afterAll(() => t.close());

  it('says so (null), so the letters page warns before printing', async () => {
    expect((await staff.get('/api/v1/session')).body.publicUrl).toBeNull();
  });

  it('prints the letters with the address the request came to', async () => {
    const { vote, codes } = await openVote(staff);
    const text = await docxText((await staff.post(`/api/v1/consultations/${vote.id}/letters.docx`)).raw);
    for (const { code } of codes) expect(text).toContain(`http://localhost:80/r/${code}`);
  });
});
