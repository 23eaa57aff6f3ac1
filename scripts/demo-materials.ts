/**
 * Renders the demo street's materials for owners (a scheme drawing and the subsidy policy) with
 * Debian's Chromium, into src/server/demo/assets/. Run once after changing the pictures:
 *   npx tsx scripts/demo-materials.ts
 * The files are committed, so the demo seed needs no browser.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = new URL('../src/server/demo/assets/', import.meta.url);

const floors = [6, 5, 4, 3, 2, 1];
const drawing = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
body{margin:0;font-family:"Noto Sans CJK SC",sans-serif;background:#fff}
text{font-family:"Noto Sans CJK SC",sans-serif}
</style><body><svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900" viewBox="0 0 1200 900">
<rect width="1200" height="900" fill="#fff"/>
<text x="600" y="56" font-size="34" text-anchor="middle" font-weight="700">加装电梯设计方案示意图（立面）</text>
<text x="600" y="96" font-size="20" text-anchor="middle" fill="#444">演示用示意，不作施工依据 · Demo drawing, not for construction</text>
<rect x="200" y="150" width="560" height="660" fill="#f4efe6" stroke="#333" stroke-width="3"/>
${floors
  .map((f, i) => {
    const y = 150 + i * 110;
    return `<line x1="200" y1="${y + 110}" x2="760" y2="${y + 110}" stroke="#999" stroke-width="1.5"/>
<rect x="240" y="${y + 30}" width="90" height="55" fill="#cfe3f3" stroke="#555"/>
<rect x="380" y="${y + 30}" width="90" height="55" fill="#cfe3f3" stroke="#555"/>
<rect x="600" y="${y + 30}" width="90" height="55" fill="#cfe3f3" stroke="#555"/>
<text x="180" y="${y + 66}" font-size="22" text-anchor="end">${f}层</text>`;
  })
  .join('')}
<rect x="500" y="150" width="70" height="660" fill="#e6dccb" stroke="#555" stroke-dasharray="6 4"/>
<text x="535" y="480" font-size="20" text-anchor="middle" writing-mode="tb">原楼梯间</text>
<rect x="770" y="110" width="170" height="700" fill="#d8ecd9" stroke="#1f6f3f" stroke-width="4"/>
<rect x="800" y="140" width="110" height="640" fill="none" stroke="#1f6f3f" stroke-dasharray="10 6"/>
${floors
  .map((f, i) => {
    const y = 150 + i * 110 + 55;
    return `<rect x="745" y="${y - 20}" width="35" height="40" fill="#1f6f3f"/>`;
  })
  .join('')}
<text x="855" y="470" font-size="26" text-anchor="middle" fill="#1f6f3f" font-weight="700" writing-mode="tb">新增电梯井道</text>
<line x1="980" y1="110" x2="980" y2="810" stroke="#333"/>
<text x="990" y="470" font-size="20">总高约 18.6 m</text>
<line x1="770" y1="840" x2="940" y2="840" stroke="#333"/>
<text x="855" y="870" font-size="20" text-anchor="middle">井道 2.4 m × 2.2 m</text>
<rect x="150" y="810" width="900" height="8" fill="#333"/>
<text x="200" y="870" font-size="20">每层设连廊，平层入户（深绿色为新建连廊）</text>
</svg></body></html>`;

const policy = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
body{font-family:"Noto Sans CJK SC",sans-serif;font-size:15pt;line-height:1.7;margin:0}
h1{font-size:22pt;text-align:center;margin:0 0 8mm}
h2{font-size:17pt;margin:8mm 0 2mm}
.note{color:#444;font-size:12pt}
</style><body>
<h1>加装电梯补贴政策说明</h1>
<p class="note">演示材料。依据：上海市财政局、市房屋管理局《关于本市既有多层住宅加装电梯办理政府补贴资金有关事项的通知》（2020 年 4 月报道）。以正式文件为准。</p>
<h2>一、补多少</h2>
<p>每台电梯补贴施工金额的 40%，最高不超过 28 万元。</p>
<p>例：施工金额 64 万元，补贴 64 × 40% = 25.6 万元；施工金额 80 万元，40% 为 32 万元，按上限补 28 万元。</p>
<h2>二、谁出钱</h2>
<p>补贴由市、区两级各承担一半。可行性评估费用由街道承担；房屋安全论证费用由公共财政承担。</p>
<h2>三、业主出多少</h2>
<p>施工金额加上其他费用和对住户的补偿，减去政府补贴和其他资金，余下的由全体业主按表决通过的分摊方案出资。每户的金额可在“我家要出多少钱”中查看，逐项加减可以核对到分。</p>
<h2>四、什么时候拿到</h2>
<p>电梯竣工验收、办理使用登记以后，由居委会和加梯小组整理材料申请，补贴拨付后用于冲抵工程款。</p>
<p class="note">有疑问请联系居委会或加装电梯事务所。</p>
</body></html>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
await page.setContent(drawing);
writeFileSync(new URL('scheme-drawing.png', out), await page.screenshot({ type: 'png' }));
await page.setContent(policy);
writeFileSync(
  new URL('subsidy-policy.pdf', out),
  await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } }),
);
await browser.close();
