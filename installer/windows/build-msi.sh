#!/bin/sh
# Builds the per-machine MSI with wixl (Debian: apt-get install wixl msitools).
#   installer/windows/build-msi.sh <click2call.jar> <launcher> <out.msi>
# <launcher> is click2call.exe from the jpackage app image when building for release (on Windows,
# see docs/INSTALL.md), or click2call-host.bat for the structural build CI makes on Linux: that MSI
# has the real jar, manifests and registry keys but the .bat launcher, which needs a Java runtime.
set -eu
jar=$1
launcher=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$jar" "$stage/click2call.jar"
cp "$launcher" "$stage/"
# The licence and the bundled libraries' notices (generated into the jar by the build).
cp "$here/../../LICENSE" "$stage/LICENSE.txt"
(cd "$stage" && jar xf click2call.jar META-INF/THIRD-PARTY-NOTICES.md \
  && mv META-INF/THIRD-PARTY-NOTICES.md . && rmdir META-INF)
name=$(basename "$launcher")
# The manifests come from the host itself (one implementation); "path" is relative to the
# manifest's folder, which Windows browsers allow, so the MSI works in any install folder.
java -jar "$jar" install --stage "$stage" --launcher "$name" >/dev/null
version=$(java -jar "$jar" --version | sed -n 's/^click2call //p')
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
# wixl resolves File/@Source against the current folder.
cd "$stage"
wixl -a x64 -D Launcher="$name" -D Version="$version" -o "$out" "$here/click2call.wxs"
