import type { Lang } from '../shared/lang.ts';

/** A piece of text and the language to speak it in (project texts are Chinese whatever the page language). */
export interface Spoken {
  text: string;
  lang: Lang;
}

export const canSpeak = () =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  typeof SpeechSynthesisUtterance !== 'undefined';

/** The best installed voice: zh-CN for Chinese (then any Chinese), any English for English. */
function voiceFor(lang: Lang): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  const norm = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  if (lang === 'zh-CN')
    return voices.find((v) => norm(v) === 'zh-cn') ?? voices.find((v) => norm(v).startsWith('zh'));
  return voices.find((v) => norm(v) === 'en-gb') ?? voices.find((v) => norm(v).startsWith('en'));
}

/**
 * The installed voices. A browser may list them only after `voiceschanged` (Chrome loads them on
 * first use), so an empty list waits for that event, briefly, before it counts as "no voices".
 */
function installedVoices(): Promise<SpeechSynthesisVoice[]> {
  const synth = window.speechSynthesis;
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener('voiceschanged', done);
      clearTimeout(timer);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, 1500);
    synth.addEventListener('voiceschanged', done);
  });
}

/**
 * Reads the parts in order, slowly enough for older listeners; `onEnd` fires after the last.
 * Answers the language that has no installed voice instead of reading it with a voice that cannot
 * (a phone without a Chinese voice reads Chinese as nothing, or as letters), so the page can say so.
 */
export async function speak(parts: Spoken[], onEnd: () => void): Promise<{ missing: Lang | null }> {
  const synth = window.speechSynthesis;
  synth.cancel();
  const texts = parts.filter((p) => p.text.trim());
  if (!texts.length) {
    onEnd();
    return { missing: null };
  }
  await installedVoices();
  const missing = texts.find((p) => !voiceFor(p.lang))?.lang ?? null;
  if (missing) {
    onEnd();
    return { missing };
  }
  texts.forEach((p, i) => {
    const u = new SpeechSynthesisUtterance(p.text);
    u.lang = p.lang === 'zh-CN' ? 'zh-CN' : 'en-GB';
    u.voice = voiceFor(p.lang)!;
    u.rate = 0.9;
    if (i === texts.length - 1) {
      u.onend = onEnd;
      u.onerror = onEnd;
    }
    synth.speak(u);
  });
  return { missing: null };
}

export function stopSpeaking() {
  if (canSpeak()) window.speechSynthesis.cancel();
}
