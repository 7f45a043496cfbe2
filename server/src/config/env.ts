// Configuration from the environment: parsed and validated once at start-up, so the rest of the code works
// with typed values and a bad variable fails fast with a message that names it.
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/,
      'must be bolt://, neo4j://, bolt+s:// or neo4j+s:// followed by a host',
    )
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_EMBEDDED_PORT: port.default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, 'must look like 1g or 768m')
    .default('1g'),
  /**
   * Where the Cypher console runs: `replica` (default), a Neo4j holding a copy of the plan data only — embedded
   * beside an embedded main database, or CONSOLE_NEO4J_URI — or `main`, the main database behind the plan guard.
   */
  CONSOLE_DATABASE: z.enum(['replica', 'main']).default('replica'),
  /** An operator's Neo4j for the console when NEO4J_URI is set; its database is overwritten with plan data. */
  CONSOLE_NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/,
      'must be bolt://, neo4j://, bolt+s:// or neo4j+s:// followed by a host',
    )
    .optional(),
  CONSOLE_NEO4J_USERNAME: z.string().default('neo4j'),
  CONSOLE_NEO4J_PASSWORD: z.string().default(''),
  CONSOLE_NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** JVM heap of the embedded console replica. */
  CONSOLE_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, 'must look like 1g or 768m')
    .default('768m'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EDITOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SEED_PLAN: z.string().min(1).default('seeds/harbin-2016-economic-reform.md'),
  /** The address users reach the server by when it is not 127.0.0.1/localhost (a reverse proxy, a LAN name). */
  PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/?#\s]+\/?$/,
      'must be an http:// or https:// address without a path, such as https://reform.example.org',
    )
    .refine((value) => URL.canParse(value), 'is not a valid address')
    .optional(),
});

export type EnvConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Config: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}
