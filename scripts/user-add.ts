// `npm run user:add -- --username X --role admin [--update]` with the password on stdin (piped, or typed at
// the prompt without echo). Creates the first admin, or later accounts, without going through the web.
// Exit codes: 0 done, 1 bad input, 2 database error.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/src/config/env.ts';
import { AppError } from '../server/src/domain/errors.ts';
import { ROLES, type Role } from '../server/src/domain/ledger-types.ts';
import { AuthService } from '../server/src/ledger/auth-service.ts';
import { ensureNeo4j } from '../server/src/neo4j/driver.ts';
import { ensureLedgerSchema } from '../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../server/src/neo4j/ledger-stores.ts';

const USAGE =
  'usage: npm run user:add -- --username NAME --role viewer|editor|admin [--update] [--password-stdin] (password on stdin)';

class UsageError extends Error {}

function parseCli(argv: string[]) {
  let values: {
    username?: string;
    role?: string;
    update?: boolean;
    'password-stdin'?: boolean;
    help?: boolean;
  };
  try {
    values = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        update: { type: 'boolean', default: false },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE);
  if (!values.username) throw new UsageError(`--username is required\n${USAGE}`);
  if (!values.role || !(ROLES as readonly string[]).includes(values.role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
  return { username: values.username, role: values.role as Role, update: values.update === true };
}

/** Piped input is read whole (first line); a terminal gets a prompt and no echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write('Password: ');
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  muted._writeToOutput = () => {};
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return password;
}

async function main(): Promise<number> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const password = await readPassword();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  let connection: Awaited<ReturnType<typeof ensureNeo4j>>;
  try {
    connection = await ensureNeo4j(config, (line) => process.stderr.write(`${line}\n`));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    for (const name of await ensureLedgerSchema(connection.driver, connection.database))
      process.stderr.write(
        `Account ${name} has the same name as another account once case and width are ignored; it is found by its exact spelling only. Disable one of them.\n`,
      );
    const auth = new AuthService(createLedgerStores(connection));
    if (cli.update) {
      await auth.updateAccount(null, cli.username, { role: cli.role, password, disabled: false });
      process.stdout.write(`Updated account ${cli.username} (${cli.role}).\n`);
    } else {
      await auth.createAccount(null, cli.username, cli.role, password);
      process.stdout.write(`Created account ${cli.username} (${cli.role}).\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code !== 'DB_UNAVAILABLE') {
      const hint = error.code === 'CONFLICT' && !cli.update ? ' Use --update to change it.' : '';
      process.stderr.write(`${error.message}${hint}\n`);
      return 1;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    await connection.close();
  }
}

process.exitCode = await main();
