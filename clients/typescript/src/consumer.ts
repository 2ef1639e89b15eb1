// A small front end written against the generated types, as museum.nl or the Museumkaart app
// would: if the API changes in a way that breaks it, `tsc` fails and so does CI.
import type { components, paths } from "./schema";
import { recorded } from "./recorded";

type Schemas = components["schemas"];
type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer T } } } };
}
  ? T
  : never;

/** A typed GET: the path decides the answer's type. */
export async function get<P extends keyof paths>(base: string, path: P, query: Record<string, string> = {}): Promise<Json<P>> {
  const response = await fetch(`${base}${String(path)}?${new URLSearchParams(query)}`);
  if (!response.ok) {
    const problem = (await response.json()) as Schemas["Problem"];
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  return (await response.json()) as Json<P>;
}

export function menu(site: Schemas["SiteChrome"]): string[] {
  return site.menu.map((item) => `${item.title} → ${item.path ?? item.url ?? ""}`);
}

export function languageLinks(site: Schemas["SiteChrome"]): Record<string, string> {
  return Object.fromEntries(site.languages.map((language) => [language.code, language.home_path]));
}

export function museumCard(museum: Schemas["MuseumItem"]): string {
  const open = museum.open_now ? "open" : "closed";
  return `${museum.title} (${museum.city}) — ${open}${museum.museumkaart.accepted ? " — Museumkaart" : ""}`;
}

export function eventLine(event: Schemas["EventItem"]): string {
  return `${event.start} ${event.title} [${event.uid}]`;
}

type Resolved = Json<"/api/v1/pages/resolve/">;

function isRedirect(answer: Resolved): answer is Schemas["RedirectAnswer"] {
  return answer.type === "redirect";
}

/** The resolver answers a page or a redirect: a front end's router handles both. */
export function route(answer: Resolved): { status: number; location?: string; title?: string } {
  if (isRedirect(answer)) {
    return { status: answer.status, location: answer.target_path ?? answer.target_url };
  }
  return { status: 200, title: answer.title };
}

/** Sync: apply the change feed to an offline copy (upsert: fetch the detail; remove: drop). */
export async function applyChanges(
  base: string,
  held: Map<number, Schemas["PageDetail"]>,
  cursor: number,
): Promise<number> {
  let feed: Schemas["ChangeFeed"];
  do {
    feed = await get(base, "/api/v1/changes/", { cursor: String(cursor) });
    for (const change of feed.items) {
      if (change.action === "remove") {
        held.delete(change.id);
      } else {
        try {
          held.set(change.id, await get(base, "/api/v1/pages/{page_id}/".replace("{page_id}", String(change.id)) as "/api/v1/pages/{page_id}/"));
        } catch {
          held.delete(change.id);
        }
      }
    }
    cursor = feed.next_cursor;
  } while (feed.has_more);
  return cursor;
}

// The recorded demo answers go through the same functions.
export const demo = {
  menu: menu(recorded["/api/v1/site/"]),
  languages: languageLinks(recorded["/api/v1/site/"]),
  museums: recorded["/api/v1/museums/"].items.map(museumCard),
  events: recorded["/api/v1/events/"].items.map(eventLine),
  home: route(recorded["/api/v1/pages/resolve/"]),
  feedStart: recorded["/api/v1/changes/"].next_cursor,
};
