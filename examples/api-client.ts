/**
 * An integration's first script: list the clinic's couples and each couple's homework assignments,
 * and export one couple's whole record, with an API token, typed by the client types generated from
 * the OpenAPI document (libs/contracts/src/openapi.generated.ts, `npm run openapi`). docs/api.md
 * walks through it.
 *
 *   TRELLIS_URL=https://trellis.example.org TRELLIS_API_TOKEN=… node examples/api-client.ts
 *   TRELLIS_URL=… TRELLIS_API_TOKEN=… node examples/api-client.ts export <coupleId>
 *
 * Node 24 runs TypeScript directly (its type stripping), so the script needs no build and no
 * dependency. Listing prints one JSON line per couple; exporting prints the record as one JSON
 * document. A token acts as the admin who created it, and only a couple's own therapist may export
 * its record: the export works for couples that admin counsels and answers 404 for any other.
 * tests/e2e/api-client-example.e2e-spec.ts runs it against the real API, so it cannot drift from
 * the document.
 */
import type { components, paths } from '../libs/contracts/src/openapi.generated';

type CaseloadPage = paths['/api/v1/couples']['get']['responses']['200']['content']['application/json'];
type AssignmentPage =
  paths['/api/v1/couples/{id}/assignments']['get']['responses']['200']['content']['application/json'];
/** `GET /couples/{id}/export`: the couple, assignments with answers, signed notes, measures, sessions, agreements. */
export type CoupleExport =
  paths['/api/v1/couples/{id}/export']['get']['responses']['200']['content']['application/json'];
type Problem = components['schemas']['Problem'];

/** The most a list answers per page (`perPage`); a longer list takes more pages. */
const PER_PAGE = 100;

export interface CoupleWithAssignments {
  couple: { id: string; displayName: string; status: string; nextSessionAt: string | null };
  assignments: { id: string; title: string; status: string; dueAt: string; overdue: boolean }[];
}

/** A client for one Trellis server and one API token. */
export function trellisClient(baseUrl: string, token: string) {
  async function get<T>(path: string): Promise<T> {
    const res = await fetch(new URL(path, baseUrl), {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (!res.ok) {
      // Every refusal is RFC 9457 problem+json; a 429 says when to try again.
      const problem = (await res.json().catch(() => null)) as Problem | null;
      const retry = res.headers.get('retry-after');
      throw new Error(
        `${res.status} ${problem?.title ?? res.statusText} on GET ${path}: ${problem?.detail ?? ''}` +
          (retry ? ` (retry after ${retry} s)` : ''),
      );
    }
    return (await res.json()) as T;
  }

  /** Every item of a `{ data, total }` list, page by page. */
  async function all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page += 1) {
      const separator = path.includes('?') ? '&' : '?';
      const { data, total } = await get<{ data: T[]; total: number }>(
        `${path}${separator}page=${page}&perPage=${PER_PAGE}`,
      );
      items.push(...data);
      if (data.length === 0 || items.length >= total) return items;
    }
  }

  return {
    couples: () => all<CaseloadPage['data'][number]>('/api/v1/couples?status=all&sort=displayName'),
    assignmentsOf: (coupleId: string) =>
      all<AssignmentPage['data'][number]>(`/api/v1/couples/${encodeURIComponent(coupleId)}/assignments`),
    /**
     * The couple's whole record. Only the couple's own therapist may export it: with a token (which
     * acts as the admin who created it) that means couples the admin counsels; any other couple
     * answers 404, exactly as if it did not exist. Every export is in the clinic's audit trail.
     */
    exportCouple: (coupleId: string) => get<CoupleExport>(`/api/v1/couples/${encodeURIComponent(coupleId)}/export`),
  };
}

/** Each couple the token's creator may see, with its assignments. */
export async function listCouplesAndAssignments(baseUrl: string, token: string): Promise<CoupleWithAssignments[]> {
  const client = trellisClient(baseUrl, token);
  const result: CoupleWithAssignments[] = [];
  for (const couple of await client.couples()) {
    const assignments = await client.assignmentsOf(couple.id);
    result.push({
      couple: {
        id: couple.id,
        displayName: couple.displayName,
        status: couple.status,
        nextSessionAt: couple.nextSessionAt,
      },
      assignments: assignments.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status,
        dueAt: a.dueAt,
        overdue: a.overdue,
      })),
    });
  }
  return result;
}

async function main(): Promise<void> {
  const baseUrl = process.env.TRELLIS_URL;
  const token = process.env.TRELLIS_API_TOKEN;
  if (!baseUrl || !token) {
    console.error('Set TRELLIS_URL (the server, e.g. https://trellis.example.org) and TRELLIS_API_TOKEN.');
    process.exit(2);
  }
  const [command, coupleId] = process.argv.slice(2);
  if (command === 'export') {
    if (!coupleId) {
      console.error('Usage: node examples/api-client.ts export <coupleId>');
      process.exit(2);
    }
    console.log(JSON.stringify(await trellisClient(baseUrl, token).exportCouple(coupleId), null, 2));
    return;
  }
  for (const row of await listCouplesAndAssignments(baseUrl, token)) console.log(JSON.stringify(row));
}

// Run as a script (not when another module imports the functions above).
if (/api-client\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
