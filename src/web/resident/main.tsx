import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { rememberLang, storedLang, type Lang } from '../shared/lang.ts';
import './resident.css';

/**
 * The page a household code opens (/r/<code>), for owners on old phones: large type, large
 * targets, no antd. This is a placeholder; the consultation issue fills it with the owner's
 * project, share and vote. Its words stay here so the page loads no staff messages.
 */
const WORDS = {
  'zh-CN': {
    title: '江湾加装电梯 · 住户页面',
    code: '户号',
    noCode: '请扫描信上的二维码打开本页。',
    soon: '您的加装电梯项目、费用分摊和表决，将很快在这里显示。',
    help: '如有疑问，请联系居委会。',
    other: 'English',
    otherLang: 'en',
  },
  en: {
    title: 'Jiangwan lift retrofit · residents',
    code: 'Household code',
    noCode: 'Please scan the QR code on your letter to open this page.',
    soon: 'Your lift project, your cost share and your vote will appear here soon.',
    help: "Questions? Ask your residents' committee.",
    other: '中文',
    otherLang: 'zh-CN',
  },
} as const;

function householdCode(): string | null {
  const code = decodeURIComponent(location.pathname.replace(/^\/r\/?/, '')).trim();
  return code || null;
}

function ResidentPage() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const w = WORDS[lang];
  const code = householdCode();
  const switchTo = (next: Lang) => {
    setLang(next);
    rememberLang(next);
  };
  return (
    <main className="r-page">
      <header className="r-header">
        <h1>{w.title}</h1>
        <button type="button" className="r-button r-button--quiet" lang={w.otherLang} onClick={() => switchTo(w.otherLang)}>
          {w.other}
        </button>
      </header>
      {code ? (
        <p className="r-code">
          {w.code}：<strong>{code}</strong>
        </p>
      ) : (
        <p>{w.noCode}</p>
      )}
      <p>{w.soon}</p>
      <p>{w.help}</p>
    </main>
  );
}

document.documentElement.lang = storedLang();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ResidentPage />
  </StrictMode>,
);
