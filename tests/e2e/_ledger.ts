// Helpers for the ledger's browser tests: accounts created straight in the e2e Neo4j (as `npm run user:add`
// does), logging in through the navigation's dialog, and reading the ledger API from inside a page.
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Role } from '../../server/src/domain/ledger-types.ts';
import { AuthService } from '../../server/src/ledger/auth-service.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { ensureLedgerSchema } from '../../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../../server/src/neo4j/ledger-stores.ts';

export const PASSWORD = 'a long e2e password';

/** Creates the accounts under names unique to this run, so reruns on a kept database do not collide. */
export async function createAccounts<const K extends string>(
  roles: Record<K, Role>,
): Promise<Record<K, string>> {
  const neo4j = inject('e2eNeo4j');
  const driver = createDriver(neo4j.uri, neo4j.username, neo4j.password);
  const suffix = Date.now().toString(36);
  const names = {} as Record<K, string>;
  try {
    await ensureLedgerSchema(driver, neo4j.database);
    const auth = new AuthService(createLedgerStores({ driver, database: neo4j.database }));
    for (const [key, role] of Object.entries(roles) as Array<[K, Role]>) {
      names[key] = `${key}-${suffix}`;
      await auth.createAccount(null, names[key], role, PASSWORD);
    }
  } finally {
    await driver.close();
  }
  return names;
}

export async function logIn(page: Page, username: string): Promise<void> {
  await page.click('[data-action="login"]');
  await page.fill('.auth-dialog input[name="username"]', username);
  await page.fill('.auth-dialog input[name="password"]', PASSWORD);
  await page.click('.auth-dialog button[type="submit"]');
  await page.waitForSelector(`.auth-user[data-user="${username}"]`);
}

export async function firstPlan(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const body = (await (await fetch('/api/plans')).json()) as { plans: Array<{ id: string }> };
    const first = body.plans[0];
    if (!first) throw new Error('no plan');
    return first.id;
  });
}
