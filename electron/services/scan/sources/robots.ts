/**
 * robots.txt as the site crawler honours it: the Disallow lines of the groups for every robot
 * (`User-agent: *`) or for this app (`User-agent: QinglangInspector`), matched as path prefixes
 * (`*` and `$` wildcards are read as in the common extension). Allow lines are not read: a
 * Disallow always wins, which may skip more than a search engine would, never less.
 */

export interface RobotsRules {
  readonly disallow: readonly RegExp[];
}

export const ALLOW_ALL: RobotsRules = { disallow: [] };

/** The most rules read from one file. */
const MAX_RULES = 1000;

function pattern(value: string): RegExp {
  const escaped = value
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped.endsWith('\\$') ? `${escaped.slice(0, -2)}$` : escaped}`);
}

export function parseRobots(text: string, agent = 'qinglanginspector'): RobotsRules {
  const disallow: RegExp[] = [];
  let agents: string[] = [];
  let inRules = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (inRules) agents = [];
      inRules = false;
      agents.push(value.toLowerCase());
    } else {
      inRules = true;
      const mine = agents.some((a) => a === '*' || agent.startsWith(a));
      if (mine && key === 'disallow' && value !== '' && disallow.length < MAX_RULES)
        disallow.push(pattern(value));
    }
  }
  return { disallow };
}

/** Whether a URL's path and query may be fetched under these rules. */
export function robotsAllow(rules: RobotsRules, url: URL): boolean {
  const target = `${url.pathname}${url.search}`;
  return !rules.disallow.some((rule) => rule.test(target));
}
