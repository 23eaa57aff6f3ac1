import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storedLang } from '../shared/lang.ts';
import { App } from './App.tsx';
import '../shared/a11y.css';
import './staff.css';

document.documentElement.lang = storedLang();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
