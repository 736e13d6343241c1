import { useLocation } from 'react-admin';

/** The `token` of an emailed link (`/#/accept-invitation?token=…`): in the hash, so never in server logs. */
export const useLinkToken = (): string | undefined => {
  const { search } = useLocation();
  return new URLSearchParams(search).get('token')?.trim() || undefined;
};
