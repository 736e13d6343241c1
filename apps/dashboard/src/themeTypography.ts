const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  'sans-serif',
].join(',');

/** Sentence case, not MUI's ALL-CAPS: buttons and tabs read like the rest of Trellis's words. */
export const typography = { fontFamily, h6: { fontWeight: 500 }, button: { textTransform: 'none' as const } };
