/**
 * The `require('noticekit')` entry: noticekit is an ES module (its module graph uses top-level
 * await, which `require()` cannot load), so CommonJS callers get a clear error saying what to do.
 */
throw new Error("noticekit is an ES module and cannot be loaded with require(). Use `const noticekit = await import('noticekit');` (or `import ... from 'noticekit'` in an ES module).");
