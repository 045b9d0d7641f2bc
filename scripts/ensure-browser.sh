#!/bin/sh
# Makes sure Debian's Chromium (and CJK fonts) are present for the browser tests.
# Playwright's own browser download is never used: playwright-core drives /usr/bin/chromium.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ] && command -v pdftotext >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Browser and report tests need Chromium, CJK fonts and pdftotext: sudo apt-get install -y chromium fonts-noto-cjk poppler-utils" >&2
  echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
  exit 1
fi
echo "Installing chromium, fonts-noto-cjk and poppler-utils with apt-get (first run only)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk poppler-utils >/dev/null
