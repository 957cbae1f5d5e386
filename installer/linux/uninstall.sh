#!/bin/sh
# Removes what installer/linux/install.sh installed (same --scope), manifests first.
#   installer/linux/uninstall.sh [--scope user|system] [click2call uninstall options...]
set -eu
scope=user
if [ "${1:-}" = --scope ]; then scope=$2; shift 2; fi
case $scope in
  user) dir=${XDG_DATA_HOME:-$HOME/.local/share}/click2call; bin=$HOME/.local/bin ;;
  system) dir=/opt/click2call; bin=/usr/local/bin ;;
  *) echo "uninstall.sh: --scope must be user or system" >&2; exit 2 ;;
esac
if [ -x "$dir/click2call-host" ]; then
  "$dir/click2call-host" uninstall --scope "$scope" "$@"
elif [ -f "$dir/click2call.jar" ]; then
  java -jar "$dir/click2call.jar" uninstall --scope "$scope" "$@"
fi
if [ -L "$bin/click2call" ]; then rm -f "$bin/click2call"; fi
rm -f "$dir/click2call.jar" "$dir/click2call.jsa" "$dir/allowed-extensions.json"
rmdir "$dir" 2>/dev/null || true
echo "Uninstalled."
