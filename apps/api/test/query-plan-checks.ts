import { Client } from 'pg';
import { db, TestClient } from './fixtures';

/** Tables that grow with every hire: a plan must never read them whole. */
export const WATCHED_TABLES = new Set(['worker', 'dossier', 'dossier_event']);

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export interface Statement {
  text: string;
  params: unknown[];
  /** Set for a named (prepared) statement. */
  name?: string;
}

/** The SQL statements `pg` sends while `client` GETs `url` (expected to answer 200), with their parameters. */
export async function statementsOf(
  client: TestClient,
  url: string,
): Promise<Statement[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    return spy.mock.calls.flatMap(([config, values]) => {
      const text =
        typeof config === 'string'
          ? config
          : (config as { text?: string }).text;
      if (typeof text !== 'string') return [];
      const params = Array.isArray(values)
        ? values
        : ((config as { values?: unknown[] }).values ?? []);
      const name =
        typeof config === 'object'
          ? (config as { name?: string }).name
          : undefined;
      return [{ text, params, ...(name ? { name } : {}) }];
    });
  } finally {
    spy.mockRestore();
  }
}

/** EXPLAIN (FORMAT JSON) of a statement with its parameters: the plan made for those values. */
export async function planOf(statement: Statement): Promise<PlanNode> {
  const [row] = await (
    await db()
  ).query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params);
  return (row['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0].Plan;
}

/** The watched tables a plan reads with a sequential scan. */
export function seqScans(node: PlanNode): string[] {
  const here =
    node['Node Type'] === 'Seq Scan' &&
    WATCHED_TABLES.has(node['Relation Name'] ?? '')
      ? [node['Relation Name'] as string]
      : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** Every node type of a plan, depth first. */
export function nodeTypes(node: PlanNode): string[] {
  return [node['Node Type'], ...(node.Plans ?? []).flatMap(nodeTypes)];
}
