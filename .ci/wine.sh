# Sourced by the scripts that run win-x64 programs under Wine: `source .ci/wine.sh`, then `wine_prefix DIR NAME` once
# and `wine_run` for each run of a program.
#
# wine_prefix installs Wine 8 from Debian when it is missing (wine64 runs win-x64 programs; no i386 architecture, no X display),
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

# wine_run NAME LOG SUMMARY SECONDS [VAR=VALUE...] PROGRAM [ARG...]: one run of PROGRAM under Wine with the variables
# set, stopped after SECONDS, its output in LOG (CRs dropped: lines end in CRLF under Wine); the run's exit status. A
# run whose LOG has no line matching the regex SUMMARY did not get through its checks (the program or Wine died, or it
# was stopped): that is said, with its last lines, a copy of the log kept beside it (x.attemptN.txt for x.log), and
# the program run once more. A run that finished, passed or failed, stands.
wine_run() {
  local name=$1 log=$2 summary=$3 seconds=$4 attempt status assignments=()
  shift 4
  while [[ $# -gt 0 && $1 == *=* ]]; do
    assignments+=("$1")
    shift
  done
  for attempt in 1 2; do
    status=0
    env "${assignments[@]}" timeout -k 30 "$seconds" wine "$@" </dev/null 2>&1 | tr -d '\r' >"$log" || status=$?
    if grep -qE "$summary" "$log"; then
      return "$status"
    fi
    [ "$status" -ne 0 ] || status=1
    echo "$name: the run ended without its summary line (exit $status, attempt $attempt$( [ "$status" = 124 ] || [ "$status" = 137 ] && echo ": stopped after $seconds s")); its last lines:" >&2
    tail -n 20 "$log" >&2
    cp "$log" "${log%.*}.attempt$attempt.txt"
  done
  return "$status"
}
