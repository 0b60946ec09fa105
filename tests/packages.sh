# Sourced by tests/run.sh: installing the Debian packages the tests need.
#
# ensure_packages NAME...: installs the packages that are missing (apt-get update first, once). Does nothing when all
# are installed, so repeated runs stay fast. A fresh machine's unattended upgrades (or any other apt or dpkg) may hold
# the package lock: apt-get waits for it up to AGRILINK_APT_LOCK_TIMEOUT seconds (default 600), and if it never comes
# the failure says so, naming the packages, instead of apt's one line lost among the build output.

apt_updated=
apt_lock_timeout=${AGRILINK_APT_LOCK_TIMEOUT:-600}

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Missing packages ${missing[*]} and no apt-get to install them." >&2
    return 1
  fi
  printf '\n==> %s\n' "Installing ${missing[*]}"
  if [ -z "$apt_updated" ]; then
    apt_get "${missing[*]}" update -qq || return 1
    apt_updated=1
  fi
  apt_get "${missing[*]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# apt_get WHAT ARGS...: apt-get ARGS as root (through sudo otherwise), waiting for the package lock; WHAT names the
# packages in the message when the lock never came.
apt_get() {
  local what=$1 sudo=() log rc=0
  shift
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log=$(mktemp)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$apt_lock_timeout" "$@" 2>"$log" || rc=$?
  cat "$log" >&2
  if [ "$rc" -ne 0 ] && grep -qiE 'could not get lock|unable to (acquire|lock)|lock.*held by' "$log"; then
    local holder
    holder=$(grep -oiE 'held by process [0-9]+( \([^)]*\))?' "$log" | head -n 1)
    echo "Could not install $what: another package manager${holder:+ (${holder#held by })} held the package lock for all of" \
      "${apt_lock_timeout}s (AGRILINK_APT_LOCK_TIMEOUT). Let it finish (a fresh machine's unattended upgrades can take" \
      "minutes), then run tests/run.sh again." >&2
  fi
  rm -f "$log"
  return "$rc"
}
