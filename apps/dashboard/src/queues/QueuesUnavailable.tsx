import CloudOffIcon from '@mui/icons-material/CloudOff';
import { Alert, AlertTitle, Button } from '@mui/material';

/** Redis is down (503): nothing is lost, so say so calmly instead of showing an error. */
export const QueuesUnavailable = ({ onRetry }: { onRetry: () => void }) => (
  <Alert
    severity="info"
    icon={<CloudOffIcon />}
    action={
      <Button color="inherit" size="small" onClick={onRetry} sx={{ whiteSpace: 'nowrap' }}>
        Check now
      </Button>
    }
  >
    <AlertTitle>The job queues can’t be reached right now</AlertTitle>
    Nothing is lost: new emails, reminders and digests are saved in the database and handed to the queues once they are
    back. This page checks again every 10 seconds.
  </Alert>
);
