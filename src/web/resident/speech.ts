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

/** Reads the parts in order, slowly enough for older listeners; `onEnd` fires after the last. */
export function speak(parts: Spoken[], onEnd: () => void) {
  const synth = window.speechSynthesis;
  synth.cancel();
  const texts = parts.filter((p) => p.text.trim());
  if (!texts.length) return onEnd();
  texts.forEach((p, i) => {
    const u = new SpeechSynthesisUtterance(p.text);
    u.lang = p.lang === 'zh-CN' ? 'zh-CN' : 'en-GB';
    const voice = voiceFor(p.lang);
    if (voice) u.voice = voice;
    u.rate = 0.9;
    if (i === texts.length - 1) {
      u.onend = onEnd;
      u.onerror = onEnd;
    }
    synth.speak(u);
  });
}

export function stopSpeaking() {
  if (canSpeak()) window.speechSynthesis.cancel();
}
