#!/usr/bin/env bash
# Fetch Neovim and Helix from Debian trixie into $TRIXIE (default /opt/trixie), without
# installing anything system-wide: the packages are downloaded with apt-get and unpacked
# with `dpkg -x`. Trixie's binaries need trixie's glibc, so libc6 is unpacked too and
# `env.sh` runs them through its loader. Needs network access to deb.debian.org.
#
#   bash editors/check/fetch.sh        # then: bash editors/check/nvim.sh, helix.sh
#   TRIXIE=$HOME/trixie bash editors/check/fetch.sh   # elsewhere (pass TRIXIE to the checks too)
set -euo pipefail
CHECK_DIR=$(cd "$(dirname "$0")" && pwd)

TRIXIE=${TRIXIE:-/opt/trixie}
APT=${APT_TRIXIE:-/tmp/apt-trixie}
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/debs" "$TRIXIE"
echo 'deb http://deb.debian.org/debian trixie main' >"$APT/sources.list"
A=(-o "Dir::Etc::SourceList=$APT/sources.list" -o Dir::Etc::SourceParts=/dev/null
   -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache")
[ -e "$APT/lists/deb.debian.org_debian_dists_trixie_InRelease" ] || apt-get "${A[@]}" update

# neovim and its libraries (`apt-cache depends neovim`), helix (`hx`, runtime included),
# and the C library both need.
PACKAGES=(neovim neovim-runtime libluajit-5.1-2 libluajit-5.1-common libmsgpack-c2
          libtree-sitter0.22 libunibilium4 libuv1t64 libvterm0 lua-lpeg lua-luv
          hx libgcc-s1 libc6)
cd "$APT/debs"
apt-get "${A[@]}" download "${PACKAGES[@]}"
for deb in *.deb; do dpkg -x "$deb" "$TRIXIE"; done
echo "unpacked into $TRIXIE:"
source "$CHECK_DIR/env.sh"
trixie nvim --version | head -1
trixie hx --version
