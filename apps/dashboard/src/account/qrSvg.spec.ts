import { describe, expect, it } from '@jest/globals';
import { create } from 'qrcode';
import { qrPath } from './qrSvg';

describe('qrPath', () => {
  it('draws each run of dark modules once, inside the quiet zone', () => {
    // 3×3: a dark top row, a lone centre module, nothing in the last row.
    const data = [1, 1, 1, 0, 1, 0, 0, 0, 0];
    expect(qrPath({ size: 3, data })).toBe('M4 4h3v1h-3zM5 5h1v1h-1z');
  });

  it('draws a real otpauth URL with its three finder patterns in the corners', () => {
    const url = 'otpauth://totp/Trellis:dana%40example.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Trellis';
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    const path = qrPath(modules);
    // A finder pattern's top edge is a run of seven dark modules: top-left, top-right, bottom-left.
    expect(path).toContain('M4 4h7v1h-7z');
    expect(path).toContain(`M${modules.size - 3} 4h7v1h-7z`);
    expect(path).toContain(`M4 ${modules.size - 3}h7v1h-7z`);
  });
});
