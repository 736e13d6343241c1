/** A QR code's modules: `size` × `size`, row by row, truthy for a dark module (qrcode's BitMatrix). */
export interface QrModules {
  size: number;
  data: ArrayLike<number | boolean>;
}

/** The light margin around a QR code that readers need, in modules (the standard asks for four). */
export const QR_QUIET_ZONE = 4;

/**
 * An SVG path drawing the dark modules, one run of adjacent dark modules per row segment, offset
 * by the quiet zone. Drawn as React elements, never injected markup, so the page's CSP holds.
 */
export function qrPath({ size, data }: QrModules): string {
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return parts.join('');
}
