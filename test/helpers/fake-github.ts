// A loopback GitHub REST API for tests: a real node:http server that the real @actions/github
// octokit talks to (msw and nock do not intercept its undici fetch). It serves the handful of
// routes gc-onboard uses, with GitHub's pagination, limits and error bodies, and records every request.
// Routes: issue comments (list, create, update), pull request files, compare, a commit's parents,
// the pull requests of a commit, and repository contents at a ref.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeIssues, type FakeIssue } from './fake-github-issues.js';

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

/** A pull request as the pulls-of-a-commit route lists it. */
export interface FakePullRequest {
  number: number;
  /** ISO time of the merge, or null (the default) for a pull request that is open or closed unmerged. */
  mergedAt?: string | null;
  /** Label names. */
  labels?: string[];
  /** Default 'closed' when merged, else 'open'. */
  state?: 'open' | 'closed';
  title?: string;
  baseRef?: string;
  headRef?: string;
}

/** A response forced on matching requests, e.g. a 403 for a token without `pull-requests: read`. */
export interface FakeFailure {
  /** Default: any method. */
  method?: string;
  /** Matched against the path without the query string. */
  path: RegExp;
  status: number;
  /** Default: GitHub's usual message for the status. */
  message?: string;
  /** How many matching requests fail; default every one. */
  times?: number;
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
  /**
   * What `GET /repos/{owner}/{repo}/commits/{sha}/pulls` lists for `sha`. A commit never set gets
   * GitHub's 422 "No commit found for SHA".
   */
  setCommitPullRequests(owner: string, repo: string, sha: string, pulls: FakePullRequest[]): void;
  /** The commits (newest first) `GET /repos/{owner}/{repo}/commits?path=` lists for `path`; none when never set. */
  setPathCommits(owner: string, repo: string, path: string, shas: string[]): void;
  /** The parents `GET /repos/{owner}/{repo}/commits/{sha}` gives for `sha`; a commit never set gets 422. */
  setCommitParents(owner: string, repo: string, sha: string, parents: string[]): void;
  /**
   * The files of the commit `ref` (repository path → text), served by `GET …/contents/{path}?ref=`
   * as GitHub does: base64 in 60-column lines, folders as listings, files above 1 MB without text,
   * 404 for a path not there and for a ref never set.
   */
  setFiles(owner: string, repo: string, ref: string, files: Record<string, string>): void;
  /** Forces a response on matching requests (after authentication), until `times` of them have failed. */
  failRequests(failure: FakeFailure): void;
  /** Every request that is not a GET: handy for "nothing was written" checks. */
  writes(): RecordedRequest[];
  /** Every issue (not pull request) created through the API, in creation order (fake-github-issues.ts). */
  issues: FakeIssue[];
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
  const commitPulls = new Map<string, FakePullRequest[]>();
  const commitParents = new Map<string, string[]>();
  const pathCommits = new Map<string, string[]>();
  const trees = new Map<string, Map<string, string>>();
  const failures: Array<FakeFailure & { left: number }> = [];
  const labelIds = new Map<string, number>();
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

  const labelJson = (owner: string, repo: string, name: string) => {
    let id = labelIds.get(name.toLowerCase());
    if (id === undefined) {
      id = 7_410_852_000 + labelIds.size;
      labelIds.set(name.toLowerCase(), id);
    }
    return {
      id,
      node_id: `LA_fake${id}`,
      url: `${baseUrl}/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      description: null,
    };
  };

  const sha40 = (seed: string) => {
    let hash = 0x811c9dc5;
    for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0').repeat(5);
  };

  const pullJson = (owner: string, repo: string, sha: string, pull: FakePullRequest) => {
    const merged = pull.mergedAt ?? null;
    const user = {
      login: 'jordan-admin',
      id: 5_550_001,
      node_id: 'U_fake5550001',
      type: 'User',
      site_admin: false,
    };
    const side = (ref: string, at: string) => ({
      label: `${owner}:${ref}`,
      ref,
      sha: at,
      user,
      repo: { id: 812_345_678, name: repo, full_name: `${owner}/${repo}`, private: true },
    });
    return {
      url: `${baseUrl}/repos/${owner}/${repo}/pulls/${pull.number}`,
      id: 2_456_780_000 + pull.number,
      node_id: `PR_fake${pull.number}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state ?? (merged ? 'closed' : 'open'),
      locked: false,
      title: pull.title ?? `Pull request ${pull.number}`,
      user,
      body: null,
      labels: (pull.labels ?? []).map((name) => labelJson(owner, repo, name)),
      created_at: new Date(EPOCH - 86_400_000).toISOString().replace('.000Z', 'Z'),
      updated_at: merged ?? new Date(EPOCH).toISOString().replace('.000Z', 'Z'),
      closed_at: merged,
      merged_at: merged,
      merge_commit_sha: merged ? sha : sha40(`${pull.number}:merge`),
      draft: false,
      head: side(pull.headRef ?? `branch-${pull.number}`, sha40(`${pull.number}:head`)),
      base: side(pull.baseRef ?? 'main', sha40(`${pull.number}:base`)),
      author_association: 'MEMBER',
      auto_merge: null,
      active_lock_reason: null,
    };
  };

  /** GET …/contents/{path}?ref=: a file, a folder listing, or 404. */
  const contents = (owner: string, repo: string, file: string, url: URL) => {
    const ref = url.searchParams.get('ref') ?? 'main';
    const tree = trees.get(repoKey(owner, repo, ref));
    if (!tree) {
      throw new HttpError(404, {
        message: `No commit found for the ref ${ref}`,
        documentation_url: `${DOCS}/repos/contents#get-repository-content`,
        status: '404',
      });
    }
    const itemJson = (name: string, type: 'file' | 'dir', size: number) => {
      const at = `${baseUrl}/repos/${owner}/${repo}/contents/${name}?ref=${encodeURIComponent(ref)}`;
      return {
        type,
        name: name.split('/').pop() ?? name,
        path: name,
        sha: sha40(`${ref}:${name}`),
        size,
        url: at,
        html_url: `https://github.com/${owner}/${repo}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${name}`,
        git_url: `${baseUrl}/repos/${owner}/${repo}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha40(`${ref}:${name}`)}`,
        download_url:
          type === 'dir' ? null : `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${name}`,
        _links: { self: at, git: null, html: null },
      };
    };
    const text = tree.get(file);
    if (text !== undefined) {
      const bytes = Buffer.from(text, 'utf8');
      const tooLarge = bytes.length > 1_048_576;
      const base64 = tooLarge ? '' : (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      return {
        ...itemJson(file, 'file', bytes.length),
        content: tooLarge ? '' : `${base64}\n`,
        encoding: tooLarge ? 'none' : 'base64',
      };
    }
    // A folder: its direct children, folders included, sorted as GitHub sorts them.
    const prefix = file === '' ? '' : `${file}/`;
    const children = new Map<string, { type: 'file' | 'dir'; size: number }>();
    for (const [name, content] of tree) {
      if (!name.startsWith(prefix)) continue;
      const [first, ...rest] = name.slice(prefix.length).split('/');
      if (!first) continue;
      children.set(
        `${prefix}${first}`,
        rest.length === 0 ? { type: 'file', size: Buffer.byteLength(content) } : { type: 'dir', size: 0 },
      );
    }
    if (children.size === 0) {
      throw new HttpError(404, {
        message: 'Not Found',
        documentation_url: `${DOCS}/repos/contents#get-repository-content`,
        status: '404',
      });
    }
    return [...children]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, child]) => itemJson(name, child.type, child.size));
  };

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

  const MESSAGES: Record<number, string> = {
    403: 'Resource not accessible by integration',
    404: 'Not Found',
    422: 'Validation Failed',
    500: 'Server Error',
    502: 'Server Error',
    503: 'Service Unavailable',
  };
  const forcedFailure = (method: string, path: string) => {
    const failure = failures.find(
      (f) => f.left > 0 && (f.method === undefined || f.method.toUpperCase() === method) && f.path.test(path),
    );
    if (!failure) return;
    failure.left--;
    throw new HttpError(failure.status, {
      message: failure.message ?? MESSAGES[failure.status] ?? 'Error',
      documentation_url: DOCS,
      status: String(failure.status),
    });
  };

  const issueRoutes = fakeIssues({
    baseUrl: () => baseUrl,
    now,
    userJson: (login) => {
      const user = userFor(login);
      return { login, id: user.id, node_id: `U_fake${user.id}`, type: user.type, site_admin: false };
    },
    labelJson,
    paginate,
    fail: (status, message) =>
      new HttpError(status, { message, documentation_url: DOCS, status: String(status) }),
  });

  const route = (method: string, url: URL, body: unknown, login: string, res: http.ServerResponse) => {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    const issue = issueRoutes.route(method, url, body, login, res);
    if (issue) return issue;
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
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/.exec(p)) && method === 'GET') {
      const [owner, repo, sha] = [m[1]!, m[2]!, decodeURIComponent(m[3]!)];
      const pulls = commitPulls.get(repoKey(owner, repo, sha));
      if (!pulls) {
        throw new HttpError(422, {
          message: `No commit found for SHA: ${sha}`,
          documentation_url: `${DOCS}/commits/commits#list-pull-requests-associated-with-a-commit`,
          status: '422',
        });
      }
      return [200, paginate(pulls, url, res).map((pull) => pullJson(owner, repo, sha, pull))] as const;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/commits$/.exec(p)) && method === 'GET') {
      const shas = pathCommits.get(repoKey(m[1]!, m[2]!, url.searchParams.get('path') ?? '')) ?? [];
      return [
        200,
        paginate(
          shas.map((sha) => ({ sha, parents: [] })),
          url,
          res,
        ),
      ] as const;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(p)) && method === 'GET') {
      const sha = decodeURIComponent(m[3]!);
      const parents = commitParents.get(repoKey(m[1]!, m[2]!, sha));
      if (!parents) {
        throw new HttpError(422, {
          message: `No commit found for SHA: ${sha}`,
          documentation_url: `${DOCS}/commits/commits#get-a-commit`,
          status: '422',
        });
      }
      return [
        200,
        { sha, parents: parents.map((parent) => ({ sha: parent, url: '', html_url: '' })), files: [] },
      ] as const;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/contents(?:\/(.*))?$/.exec(p)) && method === 'GET') {
      const file = decodeURIComponent(m[3] ?? '').replace(/\/+$/, '');
      return [200, contents(m[1]!, m[2]!, file, url)] as const;
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
        forcedFailure(method, url.pathname);
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
    setCommitPullRequests: (owner, repo, sha, pulls) => commitPulls.set(repoKey(owner, repo, sha), pulls),
    setCommitParents: (owner, repo, sha, parents) => commitParents.set(repoKey(owner, repo, sha), parents),
    setPathCommits: (owner, repo, path, shas) => pathCommits.set(repoKey(owner, repo, path), shas),
    setFiles: (owner, repo, ref, files) =>
      trees.set(
        repoKey(owner, repo, ref),
        new Map(Object.entries(files).map(([name, text]) => [name.replace(/^\/+/, ''), text])),
      ),
    failRequests: (failure) => failures.push({ ...failure, left: failure.times ?? Infinity }),
    writes: () => requests.filter((r) => r.method !== 'GET'),
    issues: issueRoutes.issues,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
