import { Box, Skeleton } from '@mui/material';
import { useEffect, useState } from 'react';
import { QR_QUIET_ZONE, qrPath, type QrModules } from './qrSvg';

const SIZE_PX = 200;

/**
 * The otpauth:// URL as a QR code for the authenticator app to scan, drawn here from a local
 * library (the secret never goes to a third-party service). The library is loaded only when this
 * screen shows, so it stays out of the dashboard's first load. If it cannot load, the setup key
 * beside it still works, so nothing is shown rather than an error.
 */
export const OtpauthQrCode = ({ url }: { url: string }) => {
  const [modules, setModules] = useState<QrModules | null | undefined>();
  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qr) => {
        if (current) setModules(qr.create(url, { errorCorrectionLevel: 'M' }).modules);
      })
      .catch(() => current && setModules(null));
    return () => {
      current = false;
    };
  }, [url]);

  if (modules === null) return null;
  if (modules === undefined)
    return <Skeleton variant="rectangular" width={SIZE_PX} height={SIZE_PX} aria-label="Preparing the QR code" />;
  const side = modules.size + 2 * QR_QUIET_ZONE;
  return (
    <Box
      component="svg"
      role="img"
      aria-label="QR code to scan with your authenticator app"
      viewBox={`0 0 ${side} ${side}`}
      width={SIZE_PX}
      height={SIZE_PX}
      shapeRendering="crispEdges"
      sx={{ display: 'block', my: 1 }}
    >
      {/* Black on white whatever the theme: scanners need the contrast. */}
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </Box>
  );
};
