import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import { lazy } from 'react';

const ExerciseList = lazy(() => import('./ExerciseList').then((m) => ({ default: m.ExerciseList })));
const ExerciseShow = lazy(() => import('./ExerciseShow').then((m) => ({ default: m.ExerciseShow })));
const ExerciseEdit = lazy(() => import('./ExerciseEdit').then((m) => ({ default: m.ExerciseEdit })));
const ExerciseCreate = lazy(() => import('./ExerciseCreate').then((m) => ({ default: m.ExerciseCreate })));

// Built-ins are read-only: the edit screen offers a copy instead (the API refuses with 409).
export const exercises = {
  list: ExerciseList,
  show: ExerciseShow,
  edit: ExerciseEdit,
  create: ExerciseCreate,
  icon: LibraryBooksIcon,
  recordRepresentation: 'title',
  options: { label: 'Exercise library' },
};
