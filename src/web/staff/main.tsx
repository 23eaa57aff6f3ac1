import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../shared/i18n.ts';
import { App } from './App.tsx';
import { resources } from './locales/index.ts';
import '../shared/a11y.css';
import './staff.css';

initI18n(resources);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
