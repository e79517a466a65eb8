/**
 * The unit of a build's work: one notice in one locale, and where its documents go.
 */
import { plainTitle, titleOf } from '../model/view.js';
import type { Format } from './manifest.js';
import type { PreparedNotice } from './prepare.js';
import type { EntryInfo } from './staging-writer.js';

/** One notice in one locale. */
export interface Job {
  prepared: PreparedNotice;
  locale: string;
  /** Plain-text title (manifest, PDF footer); the view itself is built where it is rendered. */
  title: string;
}

/** Every notice x locale to build, in notice order. */
export function jobsOf(notices: readonly PreparedNotice[]): Job[] {
  return notices.flatMap((p) => p.locales.map((locale) => ({ prepared: p, locale, title: plainTitle(titleOf(p.notice, locale)) })));
}

/** Path of a job's document in one format, relative to the output folder: `<id>/<version>/<locale>.<format>`. */
export function pathOf(job: Job, format: Format): string {
  return `${job.prepared.notice.id}/${job.prepared.notice.version}/${job.locale}.${format}`;
}

/** The manifest entry of a job's document in one format (path, hash and size aside). */
export function entryOf(job: Job, format: Format): EntryInfo {
  return { notice: job.prepared.notice.id, version: job.prepared.notice.version, locale: job.locale, format, title: job.title };
}

/** Order of two versions of a notice: by effective date, then version (numeric-aware). */
export function compareVersions(a: PreparedNotice, b: PreparedNotice): number {
  if (a.notice.effectiveDate !== b.notice.effectiveDate) return a.notice.effectiveDate < b.notice.effectiveDate ? -1 : 1;
  return a.notice.version.localeCompare(b.notice.version, 'en', { numeric: true });
}

/** Every version of each notice id in the build, newest first. */
export function versionsById(notices: readonly PreparedNotice[]): Map<string, PreparedNotice[]> {
  const versions = new Map<string, PreparedNotice[]>();
  for (const p of notices) versions.set(p.notice.id, [...(versions.get(p.notice.id) ?? []), p]);
  for (const list of versions.values()) list.sort((a, b) => compareVersions(b, a));
  return versions;
}
