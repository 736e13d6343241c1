import { useCallback, useEffect, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import type { ApiAnswer, ApiPathParams, ApiRouteFor } from '@trellis/contracts';
import { apiPath } from './apiPath';
import { httpClient } from './httpClient';

export interface ApiQuery<T> {
  /** The latest answer for this path; kept on screen while a refresh is under way. */
  data: T | undefined;
  /** The latest failure, cleared by the next answer. */
  error: unknown;
  /** Nothing to show yet for this path (first load, or the path just changed). */
  isPending: boolean;
  refetch: () => void;
}

export interface ApiQueryOptions {
  enabled?: boolean;
  /**
   * Ask again this long after each answer, but only while the tab is visible: a hidden tab waits
   * and asks as soon as it is shown again. Counted from the answer, so slow answers never overlap.
   */
  refreshEveryMs?: number;
}

interface Settled<T> {
  path: string;
  data?: T;
  error?: unknown;
  /** Bumped on every answer or failure: restarts the refresh timer. */
  round: number;
}

/**
 * A GET that is not one of react-admin's resource calls (the home page, a couple's timeline, the
 * job queues), through httpClient. Failures go through the authProvider like react-admin's own
 * queries do, so an ended session still lands on the sign-in page.
 */
export const useApiQuery = <T>(path: string, { enabled = true, refreshEveryMs }: ApiQueryOptions = {}): ApiQuery<T> => {
  const [settled, setSettled] = useState<Settled<T>>({ path, round: 0 });
  const [attempt, setAttempt] = useState(0);
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    httpClient<T>(path, { signal: controller.signal }).then(
      ({ json }) => {
        if (!controller.signal.aborted) setSettled((last) => ({ path, data: json, round: last.round + 1 }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        void logoutIfAccessDenied(error);
        // A failed refresh keeps the last answer for the same path: the screen says it is stale
        // rather than going blank.
        setSettled((last) => ({
          path,
          data: last.path === path ? last.data : undefined,
          error,
          round: last.round + 1,
        }));
      },
    );
    return () => controller.abort();
  }, [path, enabled, attempt, logoutIfAccessDenied]);

  useEffect(() => {
    if (!enabled || !refreshEveryMs || settled.round === 0) return;
    let waitingToBeSeen = false;
    const refresh = () => setAttempt((n) => n + 1);
    const onVisibility = () => {
      if (waitingToBeSeen && document.visibilityState === 'visible') refresh();
    };
    const timer = window.setTimeout(() => {
      if (document.visibilityState === 'visible') refresh();
      else waitingToBeSeen = true;
    }, refreshEveryMs);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, refreshEveryMs, settled.round]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  const current = settled.path === path;
  return {
    data: current ? settled.data : undefined,
    error: current ? settled.error : undefined,
    isPending: enabled && (!current || (settled.data === undefined && settled.error === undefined)),
    refetch,
  };
};

export interface ApiGetOptions extends ApiQueryOptions {
  /** The query string, if any (`?` added here). */
  query?: URLSearchParams;
}

/**
 * useApiQuery for a route of the OpenAPI document (`GET /couples/{id}/safety`): the route must be
 * one the API answers to GET, its `{parameters}` are filled in (encoded), and the answer comes typed
 * as the document's success schema, so a renamed route or a changed answer is a compile error.
 */
export const useApiGet = <R extends ApiRouteFor<'get'>>(
  route: R,
  params: ApiPathParams<R>,
  { query, ...options }: ApiGetOptions = {},
): ApiQuery<ApiAnswer<R, 'get'>> => {
  const search = query?.toString();
  return useApiQuery<ApiAnswer<R, 'get'>>(`${apiPath(route, params)}${search ? `?${search}` : ''}`, options);
};
