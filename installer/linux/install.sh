#!/bin/sh
# Installs Click2Call's native-messaging host on Linux.
#   installer/linux/install.sh [--scope user|system] [--jar PATH] [click2call install options...]
# user (default, no root): ~/.local/share/click2call, command ~/.local/bin/click2call
# system (root):           /opt/click2call,           command /usr/local/bin/click2call
# The jar is copied to a stable folder; `click2call install` then writes the launcher script
# beside it (with the absolute path of the Java running it) and the browsers' host manifests.
# Run it again after moving Java or upgrading: it is idempotent. Your organisation's own extension
# build: add --extension-id ID (repeatable; Chromium or Firefox id), passed on to click2call install.
set -eu
scope=user
jar=
while [ $# -gt 0 ]; do
  case $1 in
    --scope) scope=$2; shift 2 ;;
    --scope=*) scope=${1#--scope=}; shift ;;
    --jar) jar=$2; shift 2 ;;
    --jar=*) jar=${1#--jar=}; shift ;;
    *) break ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "$jar" ]; then
  for candidate in "$here/click2call.jar" "$here/../../target/click2call.jar"; do
    if [ -f "$candidate" ]; then jar=$candidate; break; fi
  done
fi
[ -n "$jar" ] && [ -f "$jar" ] || { echo "install.sh: click2call.jar not found; pass --jar PATH" >&2; exit 2; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
else
  java=$(command -v java || true)
fi
[ -n "$java" ] || { echo "install.sh: Java 17 or newer is needed (apt-get install openjdk-17-jre-headless)" >&2; exit 2; }
# Resolve symlinks (/usr/bin/java -> /etc/alternatives/...) so the launcher keeps a real path.
java=$(readlink -f "$java")

case $scope in
  user)
    dir=${XDG_DATA_HOME:-$HOME/.local/share}/click2call
    bin=$HOME/.local/bin ;;
  system)
    [ "$(id -u)" = 0 ] || { echo "install.sh: --scope system needs root" >&2; exit 2; }
    dir=/opt/click2call
    bin=/usr/local/bin ;;
  *) echo "install.sh: --scope must be user or system" >&2; exit 2 ;;
esac

mkdir -p "$dir" "$bin"
cp "$jar" "$dir/click2call.jar.new"
mv "$dir/click2call.jar.new" "$dir/click2call.jar"
"$java" -jar "$dir/click2call.jar" install --scope "$scope" "$@"
ln -sf "$dir/click2call-host" "$bin/click2call"
echo "Installed. Check with: $bin/click2call doctor"
