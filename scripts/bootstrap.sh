#!/usr/bin/env bash
# bootstrap.sh — installs what is missing, and nothing else: Debian packages, Dear ImGui's
# sources (Debian source package, checksum-verified, unpacked under build/third_party),
# include links for emcc, and npm packages from the lockfile. Idempotent: a second run
# only checks. Called by `npm start` and `npm test` (through scripts/run.js).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TP="$ROOT/build/third_party"
say() { printf '[bootstrap] %s\n' "$*"; }

# ---- Debian packages ----------------------------------------------------------------------------
PKGS=(emscripten binaryen libstb-dev nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev
      chromium fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji clang libclang-rt-14-dev cmake
      g++ xz-utils imagemagick-6.q16 firefox-esr webkit2gtk-driver xvfb xauth)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# ---- Dear ImGui 1.86 from Debian's source package, with private apt state -----------------------
IMGUI_DIR="$TP/imgui-1.86"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  APT="$ROOT/build/apt-src"
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/parts" "$APT/dl" "$TP"
  # Our own deb-src list, made from the machine's configured Debian mirrors (deb822 or one-line).
  {
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -f "$f" ] && grep -E '^deb ' "$f" | grep -v security | sed 's/^deb /deb-src /' || true
    done
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      awk '/^URIs:/{u=$2} /^Suites:/{$1="";s=$0} /^Components:/{$1="";c=$0}
           /^$/{if(u!=""&&u!~/security/){split(s,a," ");for(i in a)print "deb-src [trusted=no] " u " " a[i] c};u=""}
           END{if(u!=""&&u!~/security/){split(s,a," ");for(i in a)print "deb-src " u " " a[i] c}}' "$f" \
        | sed 's/\[trusted=no\] //'
    done
  } | sort -u > "$APT/sources.list"
  APTOPT=(-o "Dir::Etc::SourceList=$APT/sources.list" -o "Dir::Etc::SourceParts=$APT/parts"
          -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache")
  say "fetching Debian source package imgui (private apt state in build/apt-src)"
  apt-get "${APTOPT[@]}" update -qq
  (cd "$APT/dl" && apt-get "${APTOPT[@]}" source --download-only -qq imgui=1.86+ds-1 2>/dev/null)
  TARBALL="$APT/dl/imgui_1.86+ds.orig.tar.xz"
  want=$(awk '{print $1}' "$ROOT/scripts/imgui.sha256")
  got=$(sha256sum "$TARBALL" | awk '{print $1}')
  if [ "$want" != "$got" ]; then
    say "checksum mismatch for $TARBALL: expected $want, got $got"; exit 1
  fi
  tar -xJf "$TARBALL" -C "$TP"
  say "Dear ImGui 1.86 unpacked, sha256 verified"
fi

# ---- include links: emcc must not see /usr/include, so give it only stb/ and nlohmann/ ----------
mkdir -p "$TP/include"
ln -sfn /usr/include/stb "$TP/include/stb"
ln -sfn /usr/include/nlohmann "$TP/include/nlohmann"

# ---- npm packages from the committed lockfile ---------------------------------------------------
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.wg-lock-stamp; then
  say "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.wg-lock-stamp
else
  say "npm packages present"
fi
