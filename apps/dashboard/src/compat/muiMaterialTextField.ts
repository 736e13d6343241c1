// What react-admin gets when it imports '@mui/material/TextField' (see vite.config.mts).
export * from '@mui/material/TextField';
export { LegacyPropsTextField as default } from './LegacyPropsTextField';
