#!/bin/sh
# Builds the per-machine MSI with wixl (Debian: apt-get install wixl msitools).
#   installer/windows/build-msi.sh <click2call.jar> <native dir> <out.msi> [runtime dir]
# <native dir> holds click2call-host.exe and click2call-hook.exe (target/native/windows, built by
# src/main/c/build.sh). jvm.options comes from the sources; jna/jnidispatch.dll from target/jna
# (or $JNA_DLL). With [runtime dir] (a jlink image for Windows) the MSI carries runtime\ and needs
# no installed Java. With SIGN_CERT and SIGN_KEY (PEM files; SIGN_PASS optional) the two programs
# and the MSI are signed with osslsigncode (timestamped when SIGN_TIMESTAMP_URL is set).
set -eu
jar=$1
natives=$2
out=$3
runtime=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

sign() { # sign <file>: in place, when a certificate is given
  if [ -n "${SIGN_CERT:-}" ]; then
    set -- "$1" -certs "$SIGN_CERT" -key "$SIGN_KEY" -n Click2Call
    [ -n "${SIGN_PASS:-}" ] && set -- "$@" -pass "$SIGN_PASS"
    [ -n "${SIGN_TIMESTAMP_URL:-}" ] && set -- "$@" -ts "$SIGN_TIMESTAMP_URL"
    file=$1
    shift
    osslsigncode sign "$@" -in "$file" -out "$file.signed" >/dev/null
    mv "$file.signed" "$file"
  fi
}

cp "$jar" "$stage/click2call.jar"
for program in click2call-host.exe click2call-hook.exe; do
  [ -f "$natives/$program" ] || { echo "build-msi: $natives/$program is missing (build it with mingw-w64: src/main/c/build.sh)" >&2; exit 1; }
  cp "$natives/$program" "$stage/"
  sign "$stage/$program"
done
cp "$repo/src/main/resources/dev/click2call/jvm.options" "$stage/jvm.options"
mkdir -p "$stage/jna"
cp "${JNA_DLL:-$repo/target/jna/jnidispatch.dll}" "$stage/jna/jnidispatch.dll"
# The licence and the bundled libraries' notices (generated into the jar by the build).
cp "$here/../../LICENSE" "$stage/LICENSE.txt"
(cd "$stage" && jar xf click2call.jar META-INF/THIRD-PARTY-NOTICES.md \
  && mv META-INF/THIRD-PARTY-NOTICES.md . && rmdir META-INF)
# The manifests come from the host itself (one implementation); "path" is relative to the
# manifest's folder, which Windows browsers allow, so the MSI works in any install folder.
java -jar "$jar" install --stage "$stage" --launcher click2call-host.exe >/dev/null
version=$(java -jar "$jar" --version | sed -n 's/^click2call //p')
# Active Setup compares comma-separated versions: a new version runs the hooks install again.
active_setup_version=$(echo "$version" | tr . ,)
defines="-D Version=$version -D ActiveSetupVersion=$active_setup_version"
if [ -n "$runtime" ]; then
  # wixl cannot harvest a folder tree; the release workflow builds the MSI with a runtime on
  # Windows (WiX heat). Here: refuse rather than ship an MSI without the runtime asked for.
  echo "build-msi: a bundled runtime is built by the Windows release workflow (.github/workflows/windows-release.yml)" >&2
  exit 2
fi
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
# wixl resolves File/@Source against the current folder.
cd "$stage"
# shellcheck disable=SC2086 # defines are words
wixl -a x64 $defines -o "$out" "$here/click2call.wxs"
sign "$out"
