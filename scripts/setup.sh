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
  npm run prepare
fi

find_chromium() {
  node --input-type=module -e "import('./dist/render/pdf/browser.js').then((m) => { try { console.log(m.findChromium()); } catch (e) { process.exit(1); } })"
}

have_pdf=1
if chrome=$(find_chromium); then
  say "using Chromium at $chrome"
else
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "no Chromium found; installing Debian's chromium (apt-get, --no-install-recommends)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    chrome=$(find_chromium) || { say "chromium was installed but cannot be found on PATH"; exit 1; }
    say "using Chromium at $chrome"
  else
    have_pdf=0
    say "no Chromium found, so PDFs cannot be printed. Install one and run setup again:"
    say "  Debian/Ubuntu: sudo apt-get install --no-install-recommends chromium"
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
