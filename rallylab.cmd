@echo off
rem Runs RallyLab from the repository on Windows. Builds the packaged application once when it
rem is missing or older than the sources, then runs it with your arguments (see README.md).
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%controller-app\target\rallylab.jar"
set "STALE=0"
if not exist "%JAR%" (
  set "STALE=1"
) else (
  for /f %%S in ('powershell -NoProfile -Command "$jar=(Get-Item '%JAR%').LastWriteTime; $src=Get-ChildItem -Recurse -File '%ROOT%pom.xml','%ROOT%race-domain\pom.xml','%ROOT%event-store\pom.xml','%ROOT%controller-app\pom.xml','%ROOT%track-protocol\pom.xml','%ROOT%sync-worker\pom.xml','%ROOT%race-domain\src\main','%ROOT%event-store\src\main','%ROOT%track-protocol\src\main','%ROOT%sync-worker\src\main','%ROOT%controller-app\src\main' | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1; if ($src) { 1 } else { 0 }"') do set "STALE=%%S"
)
if "%STALE%"=="1" (
  echo Building RallyLab ^(only when the sources changed; about a minute the first time^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -q -B -DskipTests -pl controller-app -am package 1>&2
  if errorlevel 1 (
    popd
    echo The build failed; run mvnw.cmd -B verify to see why. 1>&2
    exit /b 1
  )
  popd
)
java -jar "%JAR%" %*
exit /b %ERRORLEVEL%
