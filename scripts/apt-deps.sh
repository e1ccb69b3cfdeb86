#!/usr/bin/env bash
# Installs the Debian packages the tests and demo use, only when missing.
# Root is expected in CI; elsewhere we use sudo when available.
set -euo pipefail
pkgs=(espeak-ng ffmpeg sox dicom3tools postgresql chromium orthanc orthanc-dicomweb tesseract-ocr tesseract-ocr-eng pocketsphinx-testdata wordnet-base "$@")
# Node + npm run the tests' OpenID provider (tests/support/oidc); a Node that
# already brings its own npm (NodeSource) must not get Debian's npm on top.
command -v node >/dev/null && command -v npm >/dev/null || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "apt: installing ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
