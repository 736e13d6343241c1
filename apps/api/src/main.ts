import './register-paths';
import { exitOnStartupFailure, loadConfig, StartupError } from '@trellis/config';
import { prepareDatabase } from '@trellis/data';
import { assertRedisReachable } from '@trellis/jobs';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase({ url: config.database.url }, { migrate: config.database.migrateOnStart });
  await assertRedisReachable(config.redis.url);
  const app = await createApiApp(config);
  try {
    await app.listen({ port: config.http.port, host: config.http.host });
  } catch (error) {
    await app.close();
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new StartupError(`Port ${config.http.port} is already in use (PORT): stop the other process or set PORT.`);
    }
    throw error;
  }
  console.log(`Trellis API listening on ${config.http.publicUrl} (port ${config.http.port})`);
}

main().catch(exitOnStartupFailure('Trellis API'));
