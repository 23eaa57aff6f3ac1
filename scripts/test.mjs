#!/usr/bin/env node
// `npm test`: formatting, typecheck, lint, unit and API tests, the web build, then the browser tests.
// Chromium and the CJK fonts come from Debian; as root they are installed when missing.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).includes('Noto');
  } catch {
    return false;
  }
};

function ensureBrowser() {
  if (existsSync(CHROMIUM) && hasFonts()) return;
  const install = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';
  if (process.getuid?.() === 0) {
    console.log(`安装 Chromium 与中文字体 Installing Chromium and CJK fonts: ${install}`);
    execSync(install, {
      stdio: 'inherit',
      shell: '/bin/bash',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  console.error(
    `浏览器测试需要 Chromium 与中文字体，请以 root 运行 The browser tests need Chromium and CJK fonts; run as root:\n  sudo ${install}`,
  );
  process.exit(1);
}

const steps = [
  ['格式检查 formatting (npm run format)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['类型检查 typecheck', 'npx', ['tsc', '--noEmit']],
  ['代码检查 lint', 'npx', ['eslint', '.']],
  ['无用代码 unused files, exports and dependencies (knip)', 'npx', ['knip']],
  ['单元与接口测试 unit + API tests', 'npx', ['vitest', 'run']],
  ['构建网页 web build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['浏览器测试 browser tests', 'npx', ['playwright', 'test']],
];

ensureBrowser();
for (const [label, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(
    `  ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
