#!/bin/sh
# Builds the native programs; the Maven build runs it (exec-maven-plugin).
#   build.sh main <repo> <out>   click2call-host.exe and click2call-hook.exe   → <out>/windows/
#   build.sh test <repo> <out>   the Windows test programs → <out>/test-windows/, and the hook
#                                program's Linux build (message + transport) → <out>/linux/
# Reproducible: fixed flags, no PE timestamp, stripped, source paths mapped away; the same
# sources give the same bytes (NativeBuildIT checks it). Without the cross compiler it says so
# loudly and builds nothing for Windows (the Windows tests then fail, they never pass silently).
set -eu
mode=$1
repo=$(cd "$2" && pwd)
out=$3
cc_win=${CLICK2CALL_MINGW_CC:-x86_64-w64-mingw32-gcc}
common="-std=c11 -O2 -Wall -Wextra -Werror -municode -ffile-prefix-map=$repo=. -fno-ident"
link="-s -Wl,--no-insert-timestamp -Wl,--dynamicbase -Wl,--nxcompat -Wl,--high-entropy-va"
src=$repo/src/main/c
tests=$repo/src/test/c

have_mingw() {
  if command -v "$cc_win" >/dev/null 2>&1; then
    return 0
  fi
  echo "[native] ******************************************************************"
  echo "[native] $cc_win not found: the Windows programs are NOT built."
  echo "[native] Install the Debian package gcc-mingw-w64-x86-64 to build them."
  echo "[native] ******************************************************************"
  return 1
}

win() { # win <console|windows> <output> <sources and libraries...>
  subsystem=$1
  output=$2
  shift 2
  # shellcheck disable=SC2086 # the flag lists are words
  "$cc_win" $common -m"$subsystem" -o "$output" "$@" $link
}

case $mode in
  main)
    mkdir -p "$out/windows"
    if have_mingw; then
      win windows "$out/windows/click2call-hook.exe" \
        "$src/hook/hook_win.c" "$src/hook/hook_message.c" "$src/hook/hook_transport.c" \
        "$src/common/cmdline.c" -lws2_32
      win console "$out/windows/click2call-host.exe" \
        "$src/host/launcher_main.c" "$src/host/java_find.c" "$src/host/wtext.c" \
        "$src/common/cmdline.c"
      echo "[native] built $out/windows/click2call-hook.exe and click2call-host.exe"
    fi
    ;;
  test)
    mkdir -p "$out/test-windows" "$out/linux"
    case $(uname -s) in
      Linux*) build_linux=1 ;;
      *) build_linux=0 ;;
    esac
    # shellcheck disable=SC2086
    [ "$build_linux" = 0 ] || ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror \
      -o "$out/linux/click2call-hook" \
      "$src/hook/hook_posix.c" "$src/hook/hook_message.c" "$src/hook/hook_transport.c"
    if have_mingw; then
      win windows "$out/test-windows/microsip-standin.exe" "$tests/microsip_standin.c" -lshell32
      win windows "$out/test-windows/trivial-gui.exe" "$tests/trivial_gui.c"
      win console "$out/test-windows/copydata-send.exe" "$tests/copydata_send.c"
      win console "$out/test-windows/fake-java.exe" "$tests/fake_java.c"
      win console "$out/test-windows/bench-start.exe" "$tests/bench_start.c"
      echo "[native] built the Windows test programs in $out/test-windows"
    fi
    ;;
  *)
    echo "usage: build.sh main|test <repo> <out>" >&2
    exit 2
    ;;
esac
