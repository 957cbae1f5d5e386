@echo off
rem Click2Call native-messaging launcher: the FALLBACK for when click2call.exe (the jpackage
rem launcher built on Windows) is not available. Chrome starts .bat hosts through cmd.exe, so this
rem fails where cmd.exe is disabled by policy (DisableCMD); `click2call doctor` reports that.
rem It needs a Java 17+ runtime in "runtime\" beside it (jlink) or java.exe on PATH.
rem JVM logging goes to stderr only: standard output carries protocol frames. The jar is named as
rem the class path (not -jar) so that a start with a CDS archive never has to open it.
setlocal
set "JAVA=%~dp0runtime\bin\java.exe"
if not exist "%JAVA%" set "JAVA=java.exe"
"%JAVA%" -Xlog:disable -Xlog:all=warning:stderr -Xshare:auto -cp "%~dp0click2call.jar" dev.click2call.Main %*
