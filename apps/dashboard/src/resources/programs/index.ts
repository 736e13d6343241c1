import RouteIcon from '@mui/icons-material/Route';
import { lazy } from 'react';

const ProgramList = lazy(() => import('./ProgramList').then((m) => ({ default: m.ProgramList })));
const ProgramShow = lazy(() => import('./ProgramShow').then((m) => ({ default: m.ProgramShow })));
const ProgramCreate = lazy(() => import('./ProgramCreate').then((m) => ({ default: m.ProgramCreate })));

// Built-ins are read-only; a clinic builds its own. Couples are started on one from their page.
export const programs = {
  list: ProgramList,
  show: ProgramShow,
  create: ProgramCreate,
  icon: RouteIcon,
  recordRepresentation: 'title',
  options: { label: 'Programs' },
};
