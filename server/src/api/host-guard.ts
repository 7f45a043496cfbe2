// Refuses requests addressed to a name this server does not go by (DNS rebinding: a web page whose name
// resolves to 127.0.0.1 would otherwise reach a loopback server whose scene writes need no session), and
// writes whose Origin is another site. Browsers always send Host and, on cross-site writes, Origin.
import type { RequestHandler } from 'express';
import { sendError } from './error-middleware.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether the server listens on this machine only (config HOST is a loopback address or name). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

/** The names a request's Host may carry (any port): loopback names, plus PUBLIC_URL's host name. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export interface HostPolicy {
  /** The interface the server listens on (config HOST). */
  listenHost: string;
  /** config PUBLIC_URL: the address users reach the server by beyond loopback names. */
  publicUrl?: string;
}

/** Methods that change nothing; every other method is a write whose Origin is checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host name of a Host header (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `[::1]`), lower-cased. */
export function hostName(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * Which Host names are accepted, or null when any is (a server listening beyond loopback with no PUBLIC_URL:
 * users reach it by names we cannot know, and its writes need a session anyway).
 */
export function allowedHostNames(policy: HostPolicy): Set<string> | null {
  const publicName = policy.publicUrl ? new URL(policy.publicUrl).hostname.toLowerCase() : null;
  if (!isLoopbackHost(policy.listenHost) && !publicName) return null;
  const names = new Set<string>(LOOPBACK_NAMES);
  if (publicName) names.add(publicName);
  return names;
}

/**
 * Express middleware: 421-style refusal (403 FORBIDDEN in our error shape) for a Host outside the allow-list
 * on every request, and for a write whose Origin is not this server's own (same Host or PUBLIC_URL).
 * Requests without Origin (curl, scripts) pass the Origin check; `Origin: null` does not.
 */
export function hostGuard(policy: HostPolicy): RequestHandler {
  const names = allowedHostNames(policy);
  const publicOrigin = policy.publicUrl ? new URL(policy.publicUrl).origin : null;
  return (req, res, next) => {
    const host = req.get('host') ?? '';
    if (names && !names.has(hostName(host))) {
      sendError(
        res,
        'FORBIDDEN',
        `This server answers to ${[...names].join(', ')} only, not to "${host}"; set PUBLIC_URL to the address users reach it by.`,
      );
      return;
    }
    const origin = req.get('origin');
    if (origin !== undefined && !SAFE_METHODS.has(req.method) && !sameSite(origin, host, publicOrigin)) {
      sendError(res, 'FORBIDDEN', `Writes from another site (${origin}) are refused.`);
      return;
    }
    next();
  };
}

function sameSite(origin: string, host: string, publicOrigin: string | null): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.origin === publicOrigin) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
}
