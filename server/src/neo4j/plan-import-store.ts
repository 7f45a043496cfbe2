// The browser import's database side (graph/plan-import-service.ts PlanImportStore): reads a stored plan's nodes
// for the preview's diff, and writes a built plan through plan-writer.ts (stored curation re-applied, one transaction).
import type { Driver } from 'neo4j-driver';
import { NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import type { PlanImportStore } from '../graph/plan-import-service.ts';
import type { PlanNodeRecord } from '../graph/plan-preview.ts';
import { importBuiltPlan, withStoredCuration } from './curated-write.ts';
import { translateNeo4jError } from './errors.ts';
import { toProperties } from './graph-mapper.ts';
import { recordAudit } from './ledger-audit-store.ts';
import { readTransaction } from './read-session.ts';
import { SEED_MARK } from './seed-marker.ts';

/** The Plan node and every node of its data, labels without the PlanData marker. */
const STORED_PLAN = `
  MATCH (p:${NodeLabel.Plan} {id: $plan})
  CALL (p) {
    RETURN p AS n
    UNION
    MATCH (n:${PLAN_DATA_LABEL} {plan: $plan})
    RETURN n
  }
  RETURN p.title AS title, p.source AS source, n.id AS id,
         [l IN labels(n) WHERE l <> '${PLAN_DATA_LABEL}'] AS labels, properties(n) AS props`;

interface StoredRow {
  title: unknown;
  source: unknown;
  id: unknown;
  labels: string[];
  props: Record<string, unknown>;
}

const READ_TIMEOUT_MS = 30_000;

/** A PlanImportStore over one database. */
export function neo4jPlanImportStore(driver: Driver, database: string): PlanImportStore {
  return {
    async storedPlan(planId) {
      const rows = await readTransaction(
        driver,
        database,
        async (tx) =>
          (await tx.run(STORED_PLAN, { plan: planId })).records.map((r) => r.toObject() as StoredRow),
        READ_TIMEOUT_MS,
      );
      const first = rows[0];
      if (!first) return null;
      const nodes: PlanNodeRecord[] = rows.map((row) => {
        const properties = toProperties(row.props);
        // The seed import's mark is bookkeeping of `npm start`, not the plan's content.
        delete properties[SEED_MARK];
        return { id: String(row.id), labels: row.labels, properties };
      });
      return { title: String(first.title ?? ''), source: String(first.source ?? ''), nodes };
    },

    async curate(built) {
      try {
        return await withStoredCuration(driver, database, built);
      } catch (error) {
        throw translateNeo4jError(error);
      }
    },

    async write(built, audit) {
      try {
        return await importBuiltPlan(driver, database, built, async (tx, written) => {
          const plan = written.graph.plan;
          await recordAudit(tx, {
            actor: audit.actor,
            action: audit.action,
            target: plan.id,
            ip: audit.ip,
            outcome: 'ok',
            after: {
              source: plan.source ?? null,
              sha256: plan.sha256 ?? null,
              nodes: written.graph.nodes.length,
            },
          });
        });
      } catch (error) {
        throw translateNeo4jError(error);
      }
    },
  };
}
