// What react-admin gets when it imports '@mui/material/FormControlLabel' (see vite.config.mts).
export * from '@mui/material/FormControlLabel';
export { LegacyPropsFormControlLabel as default } from './LegacyPropsFormControlLabel';
