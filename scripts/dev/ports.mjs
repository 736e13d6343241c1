import net from 'node:net';

/** Whether something already listens on host:port (tried by listening there for a moment). */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Fails before a service starts on a taken port, naming the port, what needed it and how to move
 * it, instead of a bare EADDRINUSE from deep inside the service.
 */
export async function assertPortFree(port, { what, hint, host = '127.0.0.1' }) {
  if (await portIsFree(port, host)) return;
  throw new Error(`Port ${port} is already in use, so ${what} cannot start. ${hint}`);
}
