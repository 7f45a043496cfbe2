// Password hashing with Argon2id (@node-rs/argon2: prebuilt native binaries, hashing off the event loop).
// Its defaults (19 MiB, 2 passes, 1 lane) are OWASP's recommended minimum for Argon2id.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A hash of nothing anyone knows: verifying against it makes an unknown username cost as much as a known one. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    decoy ??= hash(`decoy-${Math.random()}`);
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
