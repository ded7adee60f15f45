#!/usr/bin/env bash
# Debian packages the test suite needs: a real browser for the UI tests, CJK fonts so that
# Chinese renders in screenshots and PDFs, gettext for translation checks, poppler for PDF
# checks, a Java runtime for the Spark engine. Installed when missing and running as root.
set -euo pipefail

packages=(chromium fonts-noto-cjk gettext poppler-utils default-jre-headless libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Any Java 17+ will do for Spark; don't insist on Debian's default package if one is present.
if [[ " ${missing[*]} " == *" default-jre-headless "* ]] && command -v java >/dev/null; then
  missing=("${missing[@]/default-jre-headless}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ecotrack: the tests need these Debian packages, which are not installed: ${missing[*]}" >&2
  echo "Install them as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
