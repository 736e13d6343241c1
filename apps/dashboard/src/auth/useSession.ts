import { useCallback, useEffect, useState } from 'react';
import { fetchSession, getSession, knownSession } from './session';
import type { SessionResponse } from './types';

/**
 * The session for screens that show its flags (two-factor on, set-up required). `undefined` while
 * loading, `null` when signed out; `reload` asks the API again after a change.
 */
export const useSession = () => {
  const [session, setSession] = useState<SessionResponse | null | undefined>(knownSession());

  useEffect(() => {
    let current = true;
    getSession().then(
      (answer) => current && setSession(answer),
      () => current && setSession(null),
    );
    return () => {
      current = false;
    };
  }, []);

  const reload = useCallback(async () => {
    const answer = await fetchSession();
    setSession(answer);
    return answer;
  }, []);

  return { session, reload };
};
