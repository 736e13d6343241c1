import RouteIcon from '@mui/icons-material/Route';
import { lazy } from 'react';

const ProgramList = lazy(() => import('./ProgramList').then((m) => ({ default: m.ProgramList })));
const ProgramShow = lazy(() => import('./ProgramShow').then((m) => ({ default: m.ProgramShow })));
const ProgramCreate = lazy(() => import('./ProgramCreate').then((m) => ({ default: m.ProgramCreate })));
const ProgramEdit = lazy(() => import('./ProgramEdit').then((m) => ({ default: m.ProgramEdit })));

// Built-ins are read-only; a clinic builds its own, changes it and archives it. Couples are started on one from their page.
export const programs = {
  list: ProgramList,
  show: ProgramShow,
  create: ProgramCreate,
  edit: ProgramEdit,
  icon: RouteIcon,
  recordRepresentation: 'title',
  options: { label: 'Programs' },
};
