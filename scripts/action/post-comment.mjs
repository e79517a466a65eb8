#!/usr/bin/env node
/**
 * The action's comment step: post COMMENT_FILE as the pull request's noticekit comment, or update
 * the earlier one in place (found by its hidden marker), through the GitHub REST API with fetch.
 *
 * Environment: GITHUB_TOKEN (the action's `github-token` input), COMMENT_FILE, CHANGED (notices the
 * diff step found changed; with 0 an earlier comment is updated but no new one is posted), and the
 * runner's GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_EVENT_PATH.
 * Exit 0 posted, updated or nothing to do; 1 the API refused or could not be reached (the message
 * says why; the token is never printed).
 */
import { readFileSync } from 'node:fs';
import { MARKER } from './comment-body.mjs';

const env = process.env;
/** Pages of 100 comments read at most while looking for the earlier comment. */
const MAX_PAGES = 50;
const TIMEOUT_MS = 30_000;

class ApiError extends Error {}

try {
  await main();
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  process.stderr.write(`::error title=noticekit comment::${redact(error.message)}\n`);
  process.exitCode = 1;
}

async function main() {
  const token = need('GITHUB_TOKEN');
  const api = need('GITHUB_API_URL').replace(/\/+$/, '');
  const repo = need('GITHUB_REPOSITORY');
  const event = JSON.parse(readFileSync(need('GITHUB_EVENT_PATH'), 'utf8'));
  const pr = event.pull_request;
  if (!pr?.number) throw new ApiError('This step needs a pull_request event (GITHUB_EVENT_PATH has no pull_request.number).');
  const body = readFileSync(need('COMMENT_FILE'), 'utf8');
  if (!body.startsWith(MARKER)) throw new ApiError(`${env.COMMENT_FILE} does not start with ${MARKER}; it is not the diff step's comment.`);

  // From a fork, GITHUB_TOKEN is read-only on pull_request: say so once instead of failing the job.
  const headRepo = pr.head?.repo?.full_name;
  if (headRepo && headRepo !== repo) {
    process.stdout.write(`::warning title=noticekit comment::This pull request comes from the fork ${headRepo}, whose token cannot comment here; the diff is in the job summary.\n`);
    return;
  }

  const call = request(api, token);
  const existing = await findComment(call, `/repos/${repo}/issues/${pr.number}/comments?per_page=100`);
  if (existing) {
    await call('PATCH', `/repos/${repo}/issues/comments/${existing.id}`, { body });
    process.stdout.write(`noticekit: updated the diff comment ${existing.html_url ?? existing.id}\n`);
  } else if (env.CHANGED === '0') {
    process.stdout.write('noticekit: no notice changed and no earlier comment to update; nothing posted.\n');
  } else {
    const made = await call('POST', `/repos/${repo}/issues/${pr.number}/comments`, { body });
    process.stdout.write(`noticekit: posted the diff comment ${made.json?.html_url ?? ''}\n`);
  }
}

/** The first comment whose body starts with the marker, reading the list page by page (Link: rel="next"). */
async function findComment(call, first) {
  let next = first;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const { json, link } = await call('GET', next);
    if (!Array.isArray(json)) throw new ApiError(`GET ${next} did not answer with a list of comments.`);
    const found = json.find((c) => typeof c?.body === 'string' && c.body.startsWith(MARKER));
    if (found) return found;
    next = nextLink(link);
  }
  return undefined;
}

/** The `rel="next"` URL of a Link header (RFC 8288), or undefined on the last page. */
function nextLink(header) {
  for (const part of (header ?? '').split(',')) {
    const m = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (m && /\brel="?next"?/.test(m[2])) return m[1];
  }
  return undefined;
}

/**
 * A function calling the API: method, path (or a full URL from a Link header), JSON body.
 * @returns {(method: string, where: string, payload?: object) => Promise<{ json: any, link: string | null }>}
 */
function request(api, token) {
  return async (method, where, payload) => {
    const url = where.startsWith('/') ? `${api}${where}` : where;
    // A Link header could name another host: the token goes to the API only.
    if (!url.startsWith(`${api}/`)) throw new ApiError(`The API's next-page link leaves ${api}; not following it.`);
    const shown = `${method} ${url.replace(/\?.*$/, '')}`;
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'noticekit-action',
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
        body: payload ? JSON.stringify(payload) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiError(`${shown}: cannot reach the GitHub API (${error.cause?.code ?? error.name}: ${error.cause?.message ?? error.message}).`);
    }
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const said = typeof json?.message === 'string' ? `: ${json.message}` : '';
      throw new ApiError(`${shown} answered ${res.status} ${res.statusText}${said}.${hint(res.status)}`);
    }
    return { json, link: res.headers.get('link') };
  };
}

function hint(status) {
  if (status === 401) return ' The github-token input is not a valid token.';
  if (status === 403 || status === 404) return " The job needs 'permissions: pull-requests: write' (and the token must be able to see the repository).";
  return '';
}

/** Never print the token, whatever a server echoes back. */
function redact(text) {
  const token = env.GITHUB_TOKEN;
  return token ? text.split(token).join('***') : text;
}

function need(name) {
  const value = env[name];
  if (!value) throw new ApiError(`${name} is not set; this script runs as a step of the noticekit action.`);
  return value;
}
