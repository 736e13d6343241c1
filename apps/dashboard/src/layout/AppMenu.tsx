import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import KeyIcon from '@mui/icons-material/Key';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import QueueIcon from '@mui/icons-material/Queue';
import SettingsIcon from '@mui/icons-material/Settings';
import { Menu, usePermissions } from 'react-admin';

export const AppMenu = () => {
  const { permissions } = usePermissions();
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Home" />
      <Menu.Item to="/calendar" primaryText="Calendar" leftIcon={<CalendarMonthIcon />} />
      <Menu.ResourceItems />
      {permissions === 'admin' && <Menu.Item to="/queues" primaryText="Job queues" leftIcon={<QueueIcon />} />}
      {permissions === 'admin' && <Menu.Item to="/api-tokens" primaryText="API tokens" leftIcon={<KeyIcon />} />}
      {permissions === 'admin' && <Menu.Item to="/clinic" primaryText="Clinic settings" leftIcon={<SettingsIcon />} />}
      <Menu.Item to="/account" primaryText="Your account" leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
};
