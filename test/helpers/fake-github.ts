// A loopback GitHub REST API for tests: a real node:http server that the real @actions/github
// octokit talks to (msw and nock do not intercept its undici fetch). It serves the handful of
// routes gc-onboard uses, with GitHub's pagination, limits and error bodies, and records every request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT_LOGIN = 'github-actions[bot]';
const MAX_BODY = 65_536;
const DOCS = 'https://docs.github.com/rest';
// Fixed clock so responses are the same on every run.
const EPOCH = Date.UTC(2026, 10, 1, 9, 0, 0);

export interface FakeUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface FakeFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/repos/o/r/issues/7/comments`. */
  path: string;
  query: Record<string, string>;
  /** The Authorization header as sent, or null. */
  authorization: string | null;
  /** Parsed JSON body, or null. */
  body: unknown;
  /** Status the fake answered with. */
  status: number;
}

export interface FakeGitHubOptions {
  /** token → login. Without it any non-empty token is accepted as github-actions[bot]. */
  tokens?: Record<string, string>;
  /** Tokens that may read but get 403 on writes, like the GITHUB_TOKEN of a pull request from a fork. */
  readOnlyTokens?: string[];
}

export interface FakeGitHub {
  /** Base URL to use as GITHUB_API_URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RecordedRequest[];
  /** Every comment on every issue, in creation order. */
  comments: FakeComment[];
  commentsOn(owner: string, repo: string, issueNumber: number): FakeComment[];
  seedComment(seed: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
    login: string;
  }): FakeComment;
  setPullRequestFiles(owner: string, repo: string, pullNumber: number, files: FakeFile[]): void;
  /** What `GET /repos/{owner}/{repo}/compare/{before}...{after}` returns; unknown baseheads get 404. */
  setCompare(owner: string, repo: string, basehead: string, files: FakeFile[]): void;
  /** Every request that is not a GET: handy for "nothing was written" checks. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly payload: Record<string, unknown>,
  ) {
    super(String(payload.message));
  }
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const comments: FakeComment[] = [];
  const pullFiles = new Map<string, FakeFile[]>();
  const compares = new Map<string, FakeFile[]>();
  const users = new Map<string, FakeUser>();
  let nextCommentId = 1_000_001;
  let tick = 0;
  let baseUrl = '';

  const userFor = (login: string): FakeUser => {
    let user = users.get(login);
    if (!user) {
      user = { login, id: 41_898_282 + users.size, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
      users.set(login, user);
    }
    return user;
  };
  const now = () => new Date(EPOCH + tick++ * 60_000).toISOString().replace('.000Z', 'Z');
  const repoKey = (owner: string, repo: string, n: number | string) => `${owner}/${repo}#${n}`.toLowerCase();
  const commentsOn = (owner: string, repo: string, issueNumber: number) =>
    comments.filter((c) => repoKey(c.owner, c.repo, c.issueNumber) === repoKey(owner, repo, issueNumber));

  const addComment = (owner: string, repo: string, issueNumber: number, body: string, login: string) => {
    const at = now();
    const comment: FakeComment = {
      id: nextCommentId++,
      owner,
      repo,
      issueNumber,
      body,
      user: userFor(login),
      createdAt: at,
      updatedAt: at,
    };
    comments.push(comment);
    return comment;
  };

  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_kwDOfake${c.id}`,
    url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: {
      login: c.user.login,
      id: c.user.id,
      node_id: `U_fake${c.user.id}`,
      type: c.user.type,
      site_admin: false,
    },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    reactions: { total_count: 0 },
  });

  const fileJson = (f: FakeFile, i: number) => ({
    sha: (i + 1).toString(16).padStart(40, 'a'),
    filename: f.filename,
    status: f.status,
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/blob/${f.filename}`,
    raw_url: `https://github.com/raw/${f.filename}`,
    contents_url: `${baseUrl}/contents/${f.filename}`,
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  });

  /** GitHub's page/per_page paging with a Link header (first/prev/next/last as applicable). */
  const paginate = <T>(items: T[], url: URL, res: http.ServerResponse): T[] => {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number) => {
      const target = new URL(url.pathname, baseUrl);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(p));
      return `<${target.href}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`);
    if (rels.length > 0) res.setHeader('Link', rels.join(', '));
    return items.slice((page - 1) * perPage, page * perPage);
  };

  const requireBody = (body: unknown): string => {
    const text = (body as { body?: unknown } | null)?.body;
    if (typeof text !== 'string' || text === '') {
      throw new HttpError(422, {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        documentation_url: DOCS,
        status: '422',
      });
    }
    if (text.length > MAX_BODY) {
      throw new HttpError(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
        documentation_url: DOCS,
        status: '422',
      });
    }
    return text;
  };

  const authenticate = (authorization: string | null, write: boolean): string => {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token)
      throw new HttpError(401, {
        message: 'Requires authentication',
        documentation_url: DOCS,
        status: '401',
      });
    const login = options.tokens ? options.tokens[token] : FAKE_BOT_LOGIN;
    if (!login)
      throw new HttpError(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    if (write && options.readOnlyTokens?.includes(token)) {
      throw new HttpError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: DOCS,
        status: '403',
      });
    }
    return login;
  };

  const route = (method: string, url: URL, body: unknown, login: string, res: http.ServerResponse) => {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(p))) {
      const [owner, repo, n] = [m[1]!, m[2]!, Number(m[3])];
      if (method === 'GET')
        return [200, paginate(commentsOn(owner, repo, n), url, res).map(commentJson)] as const;
      if (method === 'POST')
        return [201, commentJson(addComment(owner, repo, n, requireBody(body), login))] as const;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(p)) && method === 'PATCH') {
      const comment = comments.find(
        (c) =>
          c.id === Number(m![3]) &&
          `${c.owner}/${c.repo}`.toLowerCase() === `${m![1]}/${m![2]}`.toLowerCase(),
      );
      if (!comment)
        throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      comment.body = requireBody(body);
      comment.updatedAt = now();
      return [200, commentJson(comment)] as const;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(p)) && method === 'GET') {
      const files = pullFiles.get(repoKey(m[1]!, m[2]!, m[3]!)) ?? [];
      return [200, paginate(files.map(fileJson), url, res)] as const;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)$/.exec(p)) && method === 'GET') {
      const basehead = decodeURIComponent(m[3]!);
      const files = compares.get(repoKey(m[1]!, m[2]!, basehead));
      if (files) {
        return [
          200,
          {
            url: `${baseUrl}${p}`,
            status: 'ahead',
            ahead_by: 1,
            behind_by: 0,
            total_commits: 1,
            commits: [],
            files: files.slice(0, 300).map(fileJson),
          },
        ] as const;
      }
    }
    throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const method = req.method ?? 'GET';
      const authorization = req.headers.authorization ?? null;
      const raw = Buffer.concat(chunks).toString('utf8');
      const record: RecordedRequest = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization,
        body: null,
        status: 0,
      };
      requests.push(record);
      let status: number;
      let payload: unknown;
      try {
        if (raw !== '') {
          try {
            record.body = JSON.parse(raw);
          } catch {
            throw new HttpError(400, {
              message: 'Problems parsing JSON',
              documentation_url: DOCS,
              status: '400',
            });
          }
        }
        const login = authenticate(authorization, method !== 'GET');
        [status, payload] = route(method, url, record.body, login, res);
      } catch (error) {
        [status, payload] =
          error instanceof HttpError
            ? [error.status, error.payload]
            : [500, { message: `fake GitHub bug: ${String(error)}`, status: '500' }];
      }
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    comments,
    commentsOn,
    seedComment: ({ owner, repo, issueNumber, body, login }) =>
      addComment(owner, repo, issueNumber, body, login),
    setPullRequestFiles: (owner, repo, pullNumber, files) =>
      pullFiles.set(repoKey(owner, repo, pullNumber), files),
    setCompare: (owner, repo, basehead, files) => compares.set(repoKey(owner, repo, basehead), files),
    writes: () => requests.filter((r) => r.method !== 'GET'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
