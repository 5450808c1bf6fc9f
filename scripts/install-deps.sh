#!/usr/bin/env bash
# Installs everything zhinan needs to build and test on Debian 12. Idempotent; run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libboost-json1.81-dev libboost-filesystem1.81-dev libicu-dev libzip-dev zlib1g-dev
  doctest-dev libxlsxwriter-dev libbenchmark-dev
  # The Word reader parses XML with pugixml; audit reads archives through libarchive.
  libpugixml-dev libarchive-dev
  python3 python3-jsonschema
  # Word forms made the way units make them, for the import tests and the benchmark.
  python3-docx python3-openpyxl
  unzip zip p7zip-full libarchive-tools
  mono-mcs mono-runtime
  tzdata
  # A real office client for the rendered .docx and .xlsx: LibreOffice converts them to PDF
  # and pdftotext reads what it rendered (a CJK font, or the Chinese text drops out).
  libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils
  # A real browser for the audit's HTML report: headless Chromium renders it and dumps its DOM.
  chromium
  # For integrators: the ABI checked against its baseline, the API reference, the Python
  # package installed with pip into a venv, the .deb built and installed.
  abigail-tools doxygen python3-venv python3-setuptools python3-pip dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
