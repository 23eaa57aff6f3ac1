import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useSession } from '../../session.tsx';

/**
 * Where an owner opens a household code: the configured public address (JW_PUBLIC_URL) when there
 * is one, else this browser's. Letters, their QR codes and the codes page's links all use it.
 */
export function useResidentBase() {
  const { publicUrl } = useSession();
  return { base: publicUrl ?? location.origin, configured: Boolean(publicUrl) };
}

export const residentUrl = (base: string, code: string) => `${base}/r/${code}`;

/** QR codes (data: URLs) of the addresses, or null while they are drawn. */
export function useQrCodes(urls: string[]) {
  const [images, setImages] = useState<string[] | null>(null);
  const key = urls.join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(
      urls.map((u) => QRCode.toDataURL(u, { width: 240, margin: 1, errorCorrectionLevel: 'M' })),
    ).then((all) => live && setImages(all));
    return () => {
      live = false;
    };
  }, [key]);
  return images && images.length === urls.length ? images : null;
}
