/**
 * Fetches the staff app's files into the browser's cache once the person starts typing (not at
 * load: the login page itself stays light), so the app opens without waiting after login. The
 * staff page (index.html) names them; they are immutable, so the cache serves them as they are.
 */
let started = false;

export function prefetchStaffApp() {
  if (started) return;
  started = true;
  fetch('/index.html', { credentials: 'same-origin' })
    .then((res) => (res.ok ? res.text() : ''))
    .then((html) => {
      const page = new DOMParser().parseFromString(html, 'text/html');
      const files = page.querySelectorAll<HTMLElement>(
        'script[src], link[rel="modulepreload"], link[rel="stylesheet"]',
      );
      for (const file of files) {
        const href = file.getAttribute('src') ?? file.getAttribute('href');
        if (!href) continue;
        const link = document.createElement('link');
        link.rel = 'prefetch';
        link.href = href;
        // the same request mode as the page will use, so the cached answer matches
        if (file.hasAttribute('crossorigin')) link.crossOrigin = file.getAttribute('crossorigin');
        document.head.append(link);
      }
    })
    .catch(() => undefined);
}
