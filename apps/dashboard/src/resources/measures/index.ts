import InsightsIcon from '@mui/icons-material/Insights';
import { lazy } from 'react';

const MeasureList = lazy(() => import('./MeasureList').then((m) => ({ default: m.MeasureList })));
const MeasureShow = lazy(() => import('./MeasureShow').then((m) => ({ default: m.MeasureShow })));
const MeasureEdit = lazy(() => import('./MeasureEdit').then((m) => ({ default: m.MeasureEdit })));
const MeasureCreate = lazy(() => import('./MeasureCreate').then((m) => ({ default: m.MeasureCreate })));

// Built-ins are read-only; "edit" writes a clinic measure's next version (past scores keep theirs).
export const measures = {
  list: MeasureList,
  show: MeasureShow,
  edit: MeasureEdit,
  create: MeasureCreate,
  icon: InsightsIcon,
  recordRepresentation: 'title',
  options: { label: 'Measures' },
};
