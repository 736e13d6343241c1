export { cachedFor, closeMetricsServer, serveMetrics, type MetricsListener } from './metrics-server';
export { registerDatabasePoolMetrics } from './database-pool-metrics';
export { registerHttpMetrics } from './http-metrics';
