import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storedLang } from '../shared/lang.ts';
import { App } from './App.tsx';
import { Calculator } from './Calculator.tsx';
import { LiftCodePage } from './Faults.tsx';
import { ReceiptCheck } from './ReceiptCheck.tsx';
import { canSpeak } from './speech.ts';
import '../shared/a11y.css';
import './resident.css';

/**
 * The page a household code opens (/r/<code>), for owners on old phones: the project, the
 * question and the vote in three taps, large type and targets, read aloud, no antd. Beside it,
 * the public calculator (/r/calculator), the receipt check (/r/receipt/<number>) and the car's
 * QR page for lift faults (/r/lift/<code>).
 */
document.documentElement.lang = storedLang();
// Chromium loads its voices lazily: ask once now so a zh-CN voice is there at the first tap
if (canSpeak()) window.speechSynthesis.getVoices();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/^\/r\/calculator\/?$/.test(location.pathname) ? (
      <Calculator />
    ) : /^\/r\/receipt(\/|$)/.test(location.pathname) ? (
      <ReceiptCheck />
    ) : /^\/r\/lift\/[^/]+/.test(location.pathname) ? (
      <LiftCodePage />
    ) : (
      <App />
    )}
  </StrictMode>,
);
