# Sourced by the scripts that run win-x64 programs under Wine: `source .ci/wine-prefix.sh; wine_prefix DIR NAME`.
# Installs Wine 8 from Debian when it is missing (wine64 runs win-x64 programs; no i386 architecture, no X display),
# makes a fresh prefix in DIR, exported as WINEPREFIX, and registers no debugger: without one Wine runs winedbg on a
# crash and the process exits 0, so a crash would pass. Each step is checked and named on failure (NAME: FAILED ...):
# a prefix that did not come up would otherwise show only as a program that printed nothing.

wine_prefix() {
  local dir=$1 name=$2 attempt
  if ! command -v wine >/dev/null 2>&1; then
    echo "$name: installing wine"
    apt-get update || { echo "$name: FAILED: apt-get update (to install wine)" >&2; return 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wine wine64 \
      || { echo "$name: FAILED: apt-get install wine wine64" >&2; return 1; }
  fi

  export WINEPREFIX="$dir" WINEDEBUG=-all
  unset DISPLAY
  # Never WINEDLLOVERRIDES=mscoree=...: the .NET host is a plain executable here.
  # `wineserver -w` waits until the prefix's registry is written out; each step has a time limit, so that CI never
  # hangs here. A boot that fails is tried once more in an empty folder, and a second failure says what Wine printed.
  for attempt in 1 2; do
    if timeout -k 10 300 wine wineboot --init >"$dir.boot.log" 2>&1 && timeout -k 10 120 wineserver -w \
      && timeout -k 10 120 wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' \
        /v Debugger /t REG_SZ /d no-debugger.exe /f >>"$dir.boot.log" 2>&1; then
      rm -f "$dir.boot.log"
      return 0
    fi
    echo "$name: the Wine prefix did not come up (attempt $attempt):" >&2
    tail -n 20 "$dir.boot.log" >&2
    wineserver -k >/dev/null 2>&1 || true
    rm -rf "$dir"
  done
  echo "$name: FAILED: no Wine prefix could be made in $dir" >&2
  return 1
}
