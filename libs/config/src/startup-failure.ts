import { ConfigError } from './app-config';
import { StartupError } from './startup-error';

/** One clear message and a non-zero exit; a stack trace only for errors we did not foresee. */
export function exitOnStartupFailure(processName: string) {
  return (error: unknown): never => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(`${processName} cannot start. ${error.message}`);
    } else {
      console.error(`${processName} failed to start: ${(error as Error)?.message ?? error}`);
      console.error((error as Error)?.stack);
    }
    process.exit(1);
  };
}
