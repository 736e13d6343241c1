import { Card, CardContent, Divider, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity } from 'react-admin';
import type { StaffIdentity } from '../auth/authProvider';
import { useSession } from '../auth/useSession';
import { TwoFactorSection } from './TwoFactorSection';

const roleLabels: Record<StaffIdentity['role'], string> = { admin: 'Clinic administrator', therapist: 'Therapist' };

export const AccountPage = () => {
  const { identity, isPending } = useGetIdentity();
  const { session, reload } = useSession();
  if (isPending) return <Loading />;
  const staff = identity as StaffIdentity | undefined;

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="Your account" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          Your account
        </Typography>
        {staff && (
          <Typography component="dl" sx={{ '& dt': { fontWeight: 500 }, '& dd': { m: 0, mb: 1.5 } }}>
            <dt>Name</dt>
            <dd>{staff.fullName}</dd>
            <dt>Email</dt>
            <dd>{staff.email}</dd>
            <dt>Role</dt>
            <dd>{roleLabels[staff.role]}</dd>
          </Typography>
        )}
      </CardContent>
      <Divider />
      <CardContent component="section" aria-labelledby="security-heading">
        <Typography id="security-heading" component="h2" variant="h6" gutterBottom>
          Security
        </Typography>
        <TwoFactorSection session={session} reloadSession={reload} />
      </CardContent>
    </Card>
  );
};
