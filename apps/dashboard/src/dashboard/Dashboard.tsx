import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import type { StaffRole } from '../auth/types';

const comingSoon = [
  ['Couples', 'each couple, both partners, and the next session'],
  ['Exercise library', 'built-in strategies plus your clinic’s own exercises'],
  ['Homework', 'assign exercises, send links by email, and review both partners’ answers'],
  ['Session notes', 'SOAP, DAP or free-form notes you can sign'],
  ['Reminders and digests', 'gentle reminders for clients and a weekly summary for you'],
] as const;

const adminComingSoon = [['Email queue', 'see what was sent, and retry what failed']] as const;

export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole>();
  const items = permissions === 'admin' ? [...comingSoon, ...adminComingSoon] : comingSoon;

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="Home" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {identity?.fullName ? `Welcome, ${identity.fullName}` : 'Welcome'}
        </Typography>
        <Typography color="text.secondary">
          Trellis is being set up for your practice. Here is what is coming next:
        </Typography>
        <List dense>
          {items.map(([primary, secondary]) => (
            <ListItem key={primary} disableGutters>
              <ListItemText primary={primary} secondary={secondary} />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
