import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';

// Lazy: admins only, and none of it belongs in the first load.
const StaffList = lazy(() => import('./StaffList').then((m) => ({ default: m.StaffList })));
const StaffInvite = lazy(() => import('./StaffInvite').then((m) => ({ default: m.StaffInvite })));
const StaffEdit = lazy(() => import('./StaffEdit').then((m) => ({ default: m.StaffEdit })));

export const staff = {
  list: StaffList,
  create: StaffInvite,
  edit: StaffEdit,
  icon: PeopleIcon,
  recordRepresentation: 'name',
  options: { label: 'Staff' },
};
