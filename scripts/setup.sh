#!/usr/bin/env bash
# noticekit setup: install dependencies, make sure a Chromium is available for PDF output, compile,
# and build every notice in notices/ into public/. Safe to run again.
#   npm run setup            (or: bash scripts/setup.sh)
#   NOTICEKIT_SKIP_BUILD=1   only install, do not build
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'noticekit setup: %s\n' "$*" >&2; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node modules from the lockfile (npm ci)"
  npm ci --no-audit --no-fund
elif [ ! -f dist/cli/bin.js ]; then
  say "compiling"
  npm run build
fi

find_chromium() {
  node --input-type=module -e "import('./dist/render/pdf/browser.js').then((m) => { try { console.log(m.findChromium()); } catch (e) { process.exit(1); } })"
}

# Chromium: CHROME_PATH / PUPPETEER_EXECUTABLE_PATH win (as for a build); else Debian's
# chromium-headless-shell is preferred over chromium: the same engine without the browser's UI,
# it prints noticekit's PDFs about three times faster (README, Performance).
install_chromium() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  say "installing Debian's chromium-headless-shell (apt-get, --no-install-recommends)"
  if apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-dejavu-core >/dev/null; then return 0; fi
  say "chromium-headless-shell is not available here; installing Debian's chromium instead"
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
}

have_pdf=1
can_apt=0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then can_apt=1; fi
if chrome=$(find_chromium); then
  if [ -z "${CHROME_PATH:-}${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ "$(basename "$chrome")" != chromium-headless-shell ] && [ "$can_apt" = 1 ]; then
    say "found $chrome; adding chromium-headless-shell, which prints PDFs faster"
    install_chromium || say "could not install chromium-headless-shell; keeping $chrome"
    chrome=$(find_chromium) || { say "no Chromium can be found on PATH any more"; exit 1; }
  fi
  say "using Chromium at $chrome"
else
  if [ "$can_apt" = 1 ]; then
    say "no Chromium found"
    install_chromium
    chrome=$(find_chromium) || { say "Chromium was installed but cannot be found on PATH"; exit 1; }
    say "using Chromium at $chrome"
  else
    have_pdf=0
    say "no Chromium found, so PDFs cannot be printed. Install one and run setup again:"
    say "  Debian/Ubuntu: sudo apt-get install --no-install-recommends chromium-headless-shell   (or chromium)"
    say "  Fedora:        sudo dnf install chromium"
    say "  macOS:         brew install --cask chromium   (or set CHROME_PATH to Google Chrome)"
    say "  or set CHROME_PATH=/path/to/chrome. Building HTML and Markdown only for now."
  fi
fi

if [ "${NOTICEKIT_SKIP_BUILD:-}" = 1 ]; then exit 0; fi
if [ "$have_pdf" = 1 ]; then
  node dist/cli/bin.js build notices --out public
else
  node dist/cli/bin.js build notices --out public --formats html,md
fi
say "done: open public/index.html"
