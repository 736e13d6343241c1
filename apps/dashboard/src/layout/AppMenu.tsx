import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Menu } from 'react-admin';

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem primaryText="Home" />
    <Menu.ResourceItems />
    <Menu.Item to="/account" primaryText="Your account" leftIcon={<AccountCircleIcon />} />
  </Menu>
);
