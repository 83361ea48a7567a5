// The issues routes of the loopback fake GitHub (fake-github.ts): list a repository's issues (with
// GitHub's label, state, sort and paging rules, pull requests left out here since the fake has none
// as issues), create one (labels created on the fly, as GitHub does for a token with issues: write),
// read and edit one (body, title, state, state_reason). Comments on issues use the fake's comment routes.
import type http from 'node:http';

export interface FakeIssue {
  number: number;
  owner: string;
  repo: string;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  login: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface IssueDeps {
  baseUrl: () => string;
  now: () => string;
  userJson: (login: string) => Record<string, unknown>;
  labelJson: (owner: string, repo: string, name: string) => Record<string, unknown>;
  paginate: <T>(items: T[], url: URL, res: http.ServerResponse) => T[];
  fail: (status: number, message: string) => Error;
}

export function fakeIssues(deps: IssueDeps) {
  const issues: FakeIssue[] = [];
  // Issues and pull requests share their numbers; the fixtures' pull requests are below 100.
  let nextNumber = 101;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const find = (owner: string, repo: string, number: number) =>
    issues.find((issue) => same(issue.owner, owner) && same(issue.repo, repo) && issue.number === number);

  const json = (issue: FakeIssue) => ({
    id: 3_000_000_000 + issue.number,
    node_id: `I_fake${issue.number}`,
    url: `${deps.baseUrl()}/repos/${issue.owner}/${issue.repo}/issues/${issue.number}`,
    html_url: `https://github.com/${issue.owner}/${issue.repo}/issues/${issue.number}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    user: deps.userJson(issue.login),
    labels: issue.labels.map((name) => deps.labelJson(issue.owner, issue.repo, name)),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: false,
    comments: 0,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: 'NONE',
  });

  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string') throw deps.fail(422, `"${field}" must be a string.`);
    if (value.length > 65_536) throw deps.fail(422, `${field} is too long (maximum is 65536 characters)`);
    return value;
  };

  const list = (owner: string, repo: string, url: URL, res: http.ServerResponse) => {
    const state = url.searchParams.get('state') ?? 'open';
    const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
    const matching = issues
      .filter((issue) => same(issue.owner, owner) && same(issue.repo, repo))
      .filter((issue) => state === 'all' || issue.state === state)
      .filter((issue) => labels.every((label) => issue.labels.some((mine) => same(mine, label))));
    const asc = url.searchParams.get('direction') === 'asc';
    const key = url.searchParams.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
    matching.sort(
      (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.number - b.number) * (asc ? 1 : -1),
    );
    return deps.paginate(matching, url, res).map(json);
  };

  const create = (owner: string, repo: string, body: Record<string, unknown>, login: string) => {
    const at = deps.now();
    const issue: FakeIssue = {
      number: nextNumber++,
      owner,
      repo,
      title: text(body.title, 'title'),
      body: body.body === undefined ? '' : text(body.body, 'body'),
      labels: Array.isArray(body.labels) ? body.labels.map(String) : [],
      state: 'open',
      stateReason: null,
      login,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    issues.push(issue);
    return json(issue);
  };

  const update = (issue: FakeIssue, body: Record<string, unknown>) => {
    if (body.title !== undefined) issue.title = text(body.title, 'title');
    if (body.body !== undefined) issue.body = text(body.body, 'body');
    if (body.state !== undefined) {
      if (body.state !== 'open' && body.state !== 'closed') throw deps.fail(422, 'Validation Failed');
      if (body.state === 'closed' && issue.state === 'open') {
        issue.closedAt = deps.now();
        issue.stateReason = body.state_reason === 'not_planned' ? 'not_planned' : 'completed';
      }
      if (body.state === 'open' && issue.state === 'closed') {
        issue.closedAt = null;
        issue.stateReason = 'reopened';
      }
      issue.state = body.state;
    }
    issue.updatedAt = deps.now();
    return json(issue);
  };

  /** The response for an issues route, or null when the request is not one. */
  const route = (
    method: string,
    url: URL,
    body: unknown,
    login: string,
    res: http.ServerResponse,
  ): readonly [number, unknown] | null => {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    const fields = (body ?? {}) as Record<string, unknown>;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(p))) {
      if (method === 'GET') return [200, list(m[1]!, m[2]!, url, res)];
      if (method === 'POST') return [201, create(m[1]!, m[2]!, fields, login)];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(p))) {
      const issue = find(m[1]!, m[2]!, Number(m[3]));
      if (!issue) throw deps.fail(404, 'Not Found');
      if (method === 'GET') return [200, json(issue)];
      if (method === 'PATCH') return [200, update(issue, fields)];
    }
    return null;
  };

  return { issues, route };
}
