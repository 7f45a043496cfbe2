// Errors a user can act on print as their one sentence; anything else keeps its stack for a bug report.
import { ConfigError } from '../server/src/config/env.ts';
import { PortBusyError } from '../server/src/index.ts';
import { Neo4jStartupError } from '../server/src/neo4j/embedded.ts';

export function userFacingMessage(error: unknown): string {
  if (error instanceof ConfigError || error instanceof Neo4jStartupError || error instanceof PortBusyError) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
