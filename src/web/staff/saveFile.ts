/**
 * Saves a file that arrived in memory (the answer of a POST that reveals or exports personal
 * data, which a plain download link could not carry the CSRF token for), under the name the
 * server gave it in Content-Disposition.
 */
export function saveFile(data: Blob, response: Response, fallbackName: string) {
  const named = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = named ? decodeURIComponent(named[1]!) : fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
