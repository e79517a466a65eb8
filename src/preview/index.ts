/**
 * Live preview of notices while they are edited (`noticekit preview`).
 */
export { startPreview, PreviewListenError, PREVIEW_HOST, DEFAULT_PORT, type PreviewOptions, type PreviewServer } from './server.js';
export { previewNotice, type PreviewedNotice, type RenderedLocale, type PreviewNoticeOptions } from './render-notice.js';
export { PAGE_CSP, NOTICE_CSP, PAGE_SCRIPT, renderPage, cspHash } from './page.js';
