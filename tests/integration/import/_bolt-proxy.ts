// A TCP proxy in front of the test Neo4j that can lose the connection the way a network or a crash does:
// once the client has sent the COMMIT of a transaction that ran a given statement, the proxy lets the COMMIT
// reach Neo4j, swallows the answer, cuts the connection and refuses new ones until `reopen()`.
import net from 'node:net';

/** A Bolt COMMIT message in its own chunk: size 2, struct marker B0 (no fields), signature 12, end 00 00. */
const COMMIT = Buffer.from([0x00, 0x02, 0xb0, 0x12, 0x00, 0x00]);

export interface BoltProxy {
  uri: string;
  /** Resolves once the commit was sent to Neo4j and the connection cut. */
  cut: Promise<void>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function boltProxy(target: URL, cutAfterStatement: string): Promise<BoltProxy> {
  const sockets = new Set<net.Socket>();
  let cutDone: () => void = () => {};
  const cut = new Promise<void>((resolve) => {
    cutDone = resolve;
  });
  let armed = true;
  const marker = Buffer.from(cutAfterStatement, 'utf8');

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let sawStatement = false;
    let swallow = false;
    client.on('data', (data: Buffer) => {
      if (armed && data.includes(marker)) sawStatement = true;
      upstream.write(data);
      if (armed && sawStatement && data.includes(COMMIT)) {
        armed = false;
        swallow = true;
        // Give Neo4j time to apply the commit, then cut both sides and stop accepting connections.
        setTimeout(() => {
          server.close();
          for (const socket of sockets) socket.destroy();
          cutDone();
        }, 1_500);
      }
    });
    upstream.on('data', (data: Buffer) => {
      if (!swallow) client.write(data);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', () => {});
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(socket);
      });
    }
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    cut,
    reopen: () => listen(port),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (server.listening) server.close(() => resolve());
        else resolve();
      }),
  };
}
