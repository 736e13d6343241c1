// What react-admin gets when it imports '@mui/material' (see vite.config.mts): MUI itself, with the
// components whose removed props react-admin still passes replaced by ones that take them. An
// explicit export shadows the same name from `export *`.
export * from '@mui/material';
export { LegacyPropsFormControlLabel as FormControlLabel } from './LegacyPropsFormControlLabel';
export { LegacyPropsTextField as TextField } from './LegacyPropsTextField';
