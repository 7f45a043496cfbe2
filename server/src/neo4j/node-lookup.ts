// Finds a node by our id through the id constraints — plan data or a Plan node — so no read scans all nodes.
import { NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';

/**
 * A `CALL` subquery binding `variable` to the node whose id is `key` (a parameter like `$id`, or a variable
 * imported from the outer query through `imports`).
 */
export function nodeById(variable: string, key: string, imports = ''): string {
  return (
    `CALL (${imports}) { MATCH (${variable}:${PLAN_DATA_LABEL} {id: ${key}}) RETURN ${variable} ` +
    `UNION MATCH (${variable}:${NodeLabel.Plan} {id: ${key}}) RETURN ${variable} }`
  );
}
