import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

const AuditList = lazy(() => import('./AuditList').then((m) => ({ default: m.AuditList })));

// A list and nothing else: the audit trail cannot be edited or deleted from anywhere.
export const audit = {
  list: AuditList,
  icon: HistoryIcon,
  options: { label: 'Audit log' },
};
