# tools/lib.sh — shared set-up for tools/run, tools/test and tools/bench
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced, not run. Installs what is missing on Debian 12 or Ubuntu (apt,
# with sudo when not root), generates the Finnish and Swedish locales and
# configures a build directory. Every function prints what it does on stderr
# so that stdout stays free for the caller's own report.

# shellcheck shell=bash

KH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Enough to build and run Kohtaamo (see shared TECH-NOTES: "Packages").
KH_RUNTIME_PACKAGES=(
  gcc pkg-config meson ninja-build gettext
  libgtk-4-dev libadwaita-1-dev libpoppler-glib-dev libsqlite3-dev libpq-dev
  fonts-dejavu-core fonts-dejavu-extra locales
)

# Also needed to run the tests and the benchmark headless.
KH_TEST_PACKAGES=(
  "${KH_RUNTIME_PACKAGES[@]}"
  xvfb xauth dbus at-spi2-core
  poppler-utils desktop-file-utils appstream
  python3
  # The PostgreSQL engine's tests start throwaway clusters (tools/pg-cluster).
  postgresql postgresql-contrib libpq-dev
)

kh_say ()
{
  printf '%s: %s\n' "${KH_TOOL:-tools}" "$*" >&2
}

kh_die ()
{
  kh_say "error: $*"
  exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
kh_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    kh_die "this needs root to run: $* — run as root, or install sudo and give this account sudo rights"
  fi
}

# Prints the packages of "$@" that are not installed, one per line.
kh_missing_packages ()
{
  local status
  status="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)"
  local pkg
  for pkg in "$@"; do
    if ! grep -qx "$pkg installed" <<<"$status"; then
      printf '%s\n' "$pkg"
    fi
  done
}

# kh_install_packages PKG… — installs those that are missing, quickly doing
# nothing when all are there.
kh_install_packages ()
{
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    kh_die "this is not a Debian or Ubuntu system (no dpkg/apt): install by hand: $*"
  fi

  local missing
  mapfile -t missing < <(kh_missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  kh_say "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    kh_die "missing packages: ${missing[*]}. Not root and no sudo: ask an administrator to run: apt-get install ${missing[*]}"
  fi
  kh_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    || kh_die "apt-get update failed"
  kh_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || kh_die "apt-get install failed for: ${missing[*]}"
}

# Generates fi_FI.UTF-8 and sv_FI.UTF-8 if they are missing. Kohtaamo does
# not depend on them at run time, but the tests of dates and collation under
# a Finnish or Swedish locale do: a failure here is a warning only.
kh_ensure_locales ()
{
  local want=(fi_FI sv_FI) missing=() loc
  for loc in "${want[@]}"; do
    if ! locale -a 2>/dev/null | grep -qix "${loc}.utf-\?8"; then
      missing+=("$loc")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  kh_say "generating locales: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    kh_say "warning: cannot generate ${missing[*]} without root or sudo; tests that need them will skip or fail"
    return 0
  fi
  if [ -d /var/lib/locales/supported.d ]; then
    # Ubuntu: locale-gen takes the names.
    for loc in "${missing[@]}"; do
      kh_as_root locale-gen "${loc}.UTF-8" >/dev/null || kh_say "warning: locale-gen ${loc}.UTF-8 failed"
    done
  else
    # Debian: locale-gen reads /etc/locale.gen.
    for loc in "${missing[@]}"; do
      if grep -q "^# *${loc}.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null; then
        kh_as_root sed -i "s/^# *${loc}.UTF-8 UTF-8/${loc}.UTF-8 UTF-8/" /etc/locale.gen
      elif ! grep -q "^${loc}.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null; then
        printf '%s.UTF-8 UTF-8\n' "$loc" | kh_as_root tee -a /etc/locale.gen >/dev/null
      fi
    done
    kh_as_root locale-gen >/dev/null || kh_say "warning: locale-gen failed"
  fi
}

# kh_configure BUILDDIR [MESON OPTIONS…] — meson setup, or --reconfigure when
# the directory is already configured; wipes and starts again if that fails
# (e.g. a build directory left by another meson version or checkout).
kh_configure ()
{
  local builddir="$1"
  shift
  # -Dwerror=false: warnings from newer compilers must not break a user's
  # build. The deprecated-declarations error (the API pin) stays: it is set
  # with -Werror=… in meson.build, independent of this option.
  local opts=(-Dwerror=false "$@")
  local log
  log="$(mktemp)"
  if [ -f "$builddir/meson-private/coredata.dat" ]; then
    if meson setup --reconfigure "${opts[@]}" "$builddir" "$KH_ROOT" >"$log" 2>&1 \
       || meson setup --wipe "${opts[@]}" "$builddir" "$KH_ROOT" >"$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
  elif meson setup "${opts[@]}" "$builddir" "$KH_ROOT" >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  cat "$log" >&2
  rm -f "$log"
  return 1
}

# kh_build BUILDDIR [TARGET…]
kh_build ()
{
  local builddir="$1"
  shift
  ninja -C "$builddir" "$@"
}

# The headless environment shared by the tests and the benchmark: a private
# runtime and data folders (so nothing touches the user's own), no AT-SPI
# bus, the cairo renderer. Sets KH_TMP; the caller removes it.
kh_headless_env ()
{
  KH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/kohtaamo-XXXXXX")"
  mkdir -p "$KH_TMP/runtime" "$KH_TMP/data" "$KH_TMP/config" "$KH_TMP/cache"
  chmod 700 "$KH_TMP" "$KH_TMP/runtime"
  export XDG_RUNTIME_DIR="$KH_TMP/runtime"
  export XDG_DATA_HOME="$KH_TMP/data"
  export XDG_CONFIG_HOME="$KH_TMP/config"
  export XDG_CACHE_HOME="$KH_TMP/cache"
  export GTK_A11Y=test
  export NO_AT_BRIDGE=1
  export GSK_RENDERER=cairo
  export GSETTINGS_BACKEND=memory
}

# kh_headless CMD… — runs CMD with its own session bus and X server.
kh_headless ()
{
  dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24' "$@"
}
