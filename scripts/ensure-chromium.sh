#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing and we may apt-get.
# Without it the browser tests are skipped with a message saying how to enable them.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium: the browser tests will be skipped"
else
  echo "chromium not found and not root: the browser tests will be skipped (apt-get install chromium)"
fi
exit 0
