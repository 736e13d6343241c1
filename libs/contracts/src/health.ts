export type DependencyState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  checks: {
    postgres: { status: DependencyState; error?: string };
    redis: { status: DependencyState; error?: string };
  };
}
