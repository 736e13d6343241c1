import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { typography } from './themeTypography';

// Muted teal and slate: calm rather than clinical. Every text/background pair below meets WCAG AA
// (most reach AAA, 7:1); check again before changing a colour.

const shared = { shape: { borderRadius: 8 }, typography } satisfies RaThemeOptions;

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  ...shared,
  palette: {
    mode: 'light',
    primary: { main: '#2f5d62', contrastText: '#ffffff' },
    // react-admin paints the app bar with `secondary`.
    secondary: { main: '#35566b', contrastText: '#ffffff' },
    error: { main: '#b3261e' },
    // MUI's default orange (#ed6c02) is 3.1:1 on white: too faint for "Paused" and "Discharge".
    warning: { main: '#b45309', contrastText: '#ffffff' },
    // MUI's default blue (#0288d1) is 3.9:1 on white: too faint for the "One partner done" chip.
    info: { main: '#01579b', contrastText: '#ffffff' },
    background: { default: '#f6f7f5', paper: '#ffffff' },
    text: { primary: '#1f2a2c', secondary: '#4a5759' },
  },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  ...shared,
  palette: {
    mode: 'dark',
    primary: { main: '#8cc7c0', contrastText: '#151b1c' },
    secondary: { main: '#9fb8cc', contrastText: '#151b1c' },
    error: { main: '#f2b8b5' },
    background: { default: '#151b1c', paper: '#1d2526' },
    text: { primary: '#e8eeed', secondary: '#b5c2c1' },
  },
};
