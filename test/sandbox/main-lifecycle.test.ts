/**
 * `npm run sandbox` (sandbox/main.ts) as a process: a signal stops it cleanly even while clients
 * hold connections open, and a port that is taken gives one plain message, not a stack trace.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request, Agent } from 'node:http';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface SandboxProcess {
  child: ChildProcessWithoutNullStreams;
  output: { stdout: string; stderr: string };
  exited: Promise<Exit>;
}

/** Starts `node --import tsx sandbox/main.ts` in the project, with its own settings only. */
function startMain(port: number, env: Record<string, string> = {}): SandboxProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), SANDBOX_DATA_FILE: '', SANDBOX_LATENCY_MS: '0', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString('utf8');
  });
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return { child, output, exited };
}

/** Resolves once the sandbox prints its URL; rejects, with what it printed, if it exits first. */
function listening(sandbox: SandboxProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (sandbox.output.stdout.includes('ScopeStack sandbox listening on')) resolve();
    };
    sandbox.child.stdout.on('data', check);
    check();
    void sandbox.exited.then((exit) => {
      reject(new Error(`the sandbox exited (${exit.code ?? exit.signal ?? '?'}) before listening:\n${sandbox.output.stderr}`));
    });
  });
}

/** A server on 127.0.0.1 holding a port the system picked. */
function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address !== null) resolve({ server, port: address.port });
      else reject(new Error('no port'));
    });
  });
}

const release = (server: Server): Promise<void> =>
  new Promise((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
  });

/** A port nothing listens on right now. */
const freePort = async (): Promise<number> => {
  const { server, port } = await holdPort();
  await release(server);
  return port;
};

/** True when this process can listen on the port, i.e. the sandbox let go of it. */
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolve(true);
      });
    });
  });

/** GET over a keep-alive agent: the connection stays open after the answer. */
const get = (port: number, path: string, agent: Agent): Promise<number> =>
  new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, agent }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => {
        resolve(incoming.statusCode ?? 0);
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });

describe('sandbox/main.ts', () => {
  it('closes the server and exits 0 on SIGTERM, even with an idle keep-alive and a request in flight', async () => {
    const port = await freePort();
    // Latency holds every API request open; admin routes answer at once.
    const sandbox = startMain(port, { SANDBOX_LATENCY_MS: '10000' });
    await listening(sandbox);
    const agent = new Agent({ keepAlive: true });
    try {
      expect(await get(port, '/__admin', agent)).toBe(200);
      const inFlight = get(port, '/v1/me', agent).then(
        (status) => `answered ${status}`,
        (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? error.code : error),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));

      const started = Date.now();
      sandbox.child.kill('SIGTERM');
      expect(await sandbox.exited).toEqual({ code: 0, signal: null });
      // Well under the 3 s after which main.ts gives up waiting and exits 1.
      expect(Date.now() - started).toBeLessThan(2000);
      // The request still waiting on its latency is cut off, not waited for.
      expect(await inFlight).toBe('ECONNRESET');
      expect(sandbox.output.stdout).toContain('ScopeStack sandbox stopped (SIGTERM).');
      expect(sandbox.output.stderr).toBe('');
      expect(await portIsFree(port)).toBe(true);
    } finally {
      agent.destroy();
      sandbox.child.kill('SIGKILL');
    }
  }, 15000);

  it('says the port is taken, in one paragraph without a stack trace, and exits 1', async () => {
    const { server, port } = await holdPort();
    try {
      const sandbox = startMain(port);
      expect(await sandbox.exited).toEqual({ code: 1, signal: null });
      expect(sandbox.output.stdout).toBe('');
      expect(sandbox.output.stderr.trim()).toBe(
        `Port ${port} is already in use (another sandbox may still be running). Stop it, or pick another port with PORT=${port + 1} npm run sandbox.`,
      );
      expect(sandbox.output.stderr).not.toContain('EADDRINUSE');
      expect(sandbox.output.stderr).not.toMatch(/^ {4}at /m);
    } finally {
      await release(server);
    }
  }, 15000);
});
