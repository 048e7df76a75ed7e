#!/usr/bin/env bash
# The README's test command: `bash tests/run.sh [STEP...]` from anywhere in a clone.
#
# As root (Debian or Ubuntu) it first installs what the tests need beyond the .NET SDK: gcc, libc6-dev, binutils,
# strace and the oracle sources (.ci/install-oracles); the Windows step installs Wine itself. Not as root it installs
# nothing, and a test whose tool is missing is skipped with the command that installs it. Then it runs every step of
# the table below (or only the STEPs named), prints each step's counts and the reasons of its skips, and ends with
#   N passed, N failed, N skipped
# summed over the steps. Exits non-zero when a test fails, a step fails, or a step ran fewer tests than its minimum.
#
# Environment:
#   CLOEXEC_RESULTS=DIR     where results and logs go (default: TestResults/run)
#   CLOEXEC_NO_INSTALL=1    install nothing, even as root (.ci/run's run with the tools hidden)
#   CLOEXEC_SKIPS_FAIL=1    more skips than a step allows fail it (.ci/run: CI's machine has every tool and capability)
# See docs/testing.md.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# One line per step: name, the fewest tests it may report (passed + failed + skipped), the most skips it may have
# under CLOEXEC_SKIPS_FAIL=1, and what it runs. The minima sit a little under today's counts: a step that stops
# finding its tests fails instead of passing with nothing checked. Adding a step is one line and one run_<name>.
steps_table='
net10       1600  0  dotnet test Cloexec.Generators.sln: every test project in the solution, on .NET 10
net8         880  0  Cloexec.Tests on the .NET 8 runtime (.ci/run-net8)
windows      270  0  Cloexec.Windows.Tests, a win-x64 program, under Wine (.ci/run-windows-tests)
format-e2e   130  0  one dotnet format run converts a raw binding; the program checks each creator, atomic and fallback (.ci/run-format-e2e)
format-e2e-windows 1200  0  one dotnet format run converts raw Winsock, CRT and kernel32 imports (CLOEXEC0200, CLOEXEC0202); a win-x64 program checks each under Wine, atomic and fallback, and a child; the default-off control run fails only where calls rely on the default (.ci/run-format-e2e-windows)
samples        2  0  the samples that check themselves: InheritanceDemo and those .ci/run-samples lists
arm64        880  107  Cloexec.Tests and InheritanceDemo as linux-arm64 .NET 10 under qemu-user (.ci/run-arm64)
net11        880    0  the net10.0 build of Cloexec.Tests on the .NET 11 runtime (.ci/run-net11)
'
# arm64's allowance: the rows whose system call qemu-user 7.2 does not implement (ENOSYS under emulation, an
# answer natively); .ci/run-arm64 fails on any other skip and writes the evidence (docs/architectures.md).

results=$(realpath -m "${CLOEXEC_RESULTS:-TestResults/run}")
rm -rf "$results"
mkdir -p "$results"

say() { echo "tests: $*"; }

install_requirements() {
  if [ "${CLOEXEC_NO_INSTALL:-}" = 1 ]; then
    say "installing nothing (CLOEXEC_NO_INSTALL=1)"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    say "not root: installing nothing; tests whose tools are missing are skipped, each naming what to install"
    return 0
  fi
  local missing=()
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  dpkg -s libc6-dev >/dev/null 2>&1 || missing+=(libc6-dev)
  command -v objcopy >/dev/null 2>&1 || missing+=(binutils) # Native AOT strips symbols with it (Cloexec.Package.Tests)
  command -v strace >/dev/null 2>&1 || missing+=(strace)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || return 1
  fi
  bash .ci/install-oracles # Go's x/sys, Rust's libc and mingw-w64 headers for tests/Cloexec.Tests/Oracles
}

# --- Counting. Each step leaves counts in these; count_* add to them.
step_passed=0 step_failed=0 step_skipped=0 step_problems=()

problem() {
  step_problems+=("$1")
  echo "tests: $1" >&2
}

# count_trx FOLDER LOG_GLOB: adds the counters of every .trx under FOLDER, prints the skips' reasons, and
# cross-checks the totals with the console summaries ("Passed!  - ... Total: N" of dotnet test, "Total: N, Errors:"
# of xunit's own runner) in the step's logs; no summary to compare with is a problem, never a silent pass.
count_trx() {
  local folder=$1 logs=$2 files=0 trx_total=0 line t p f s
  while IFS= read -r -d '' trx; do
    files=$((files + 1))
    line=$(perl -0777 -ne '
      if (/<Counters\b([^>]*)>/) {
        my $c = $1; my %v; $v{$1} = $2 while $c =~ /(\w+)="(\d+)"/g;
        printf "%d %d %d %d\n", $v{total} // 0, $v{passed} // 0,
          ($v{failed} // 0) + ($v{error} // 0) + ($v{timeout} // 0) + ($v{aborted} // 0),
          defined $v{executed} ? $v{total} - $v{executed} : $v{notExecuted} // 0; # VSTest counts a skip as not executed
      }' "$trx")
    if [ -z "$line" ]; then
      problem "no <Counters> in $trx"
      continue
    fi
    read -r t p f s <<<"$line"
    say "  $(basename "$trx"): total $t, passed $p, failed $f, skipped $s"
    trx_total=$((trx_total + t)) step_passed=$((step_passed + p)) step_failed=$((step_failed + f)) step_skipped=$((step_skipped + s))
    # Each skipped test's reason (first line), grouped: what is missing and how to install it, or what was refused.
    perl -0777 -ne '
      while (/<UnitTestResult\b[^>]*outcome="NotExecuted"[^>]*>(.*?)<\/UnitTestResult>/gs) {
        my $body = $1; my ($m) = $body =~ /<Message>(.*?)<\/Message>/s; ($m) = $body =~ /<StdOut>(.*?)<\/StdOut>/s unless defined $m; $m //= "(no reason given)"; # VSTest: Message; xunit -trx: StdOut
        $m =~ s/\n.*//s; $m =~ s/&amp;/&/g; $m =~ s/&lt;/</g; $m =~ s/&gt;/>/g; $m =~ s/&quot;/"/g; $m =~ s/&apos;/'"'"'/g;
        $n{$m}++;
      }
      END { printf "tests:     skipped %3d: %s\n", $n{$_}, $_ for sort { $n{$b} <=> $n{$a} || $a cmp $b } keys %n }' "$trx"
  done < <(find "$folder" -name '*.trx' -type f -print0 | sort -z)
  if [ "$files" -eq 0 ]; then
    problem "no .trx file under $folder"
    return
  fi
  local console
  console=$(find "$folder" -name "$logs" -type f -exec cat {} + 2>/dev/null \
    | grep -E '^[[:space:]]*(Passed|Failed)![[:space:]]+-|Total: [0-9]+, Errors: [0-9]+' \
    | sed -n 's/.*Total:[[:space:]]*\([0-9][0-9]*\).*/\1/p' | awk '{ n++; sum += $1 } END { if (n) print n, sum }')
  if [ -z "$console" ]; then
    problem "no console summary line in $folder/$logs to cross-check the .trx counts with"
  elif [ "${console#* }" -ne "$trx_total" ]; then
    problem "the console reported ${console#* } tests in ${console% *} runs, but the .trx files hold $trx_total"
  fi
}

# count_xunit_summary LOG: xunit's "Total: N, Errors: N, Failed: N, Skipped: N, Not Run: N" (the Windows run).
count_xunit_summary() {
  local summary t e f s n
  summary=$(grep -E 'Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+, Not Run: [0-9]+' "$1" 2>/dev/null | tail -n 1)
  if [ -z "$summary" ]; then
    problem "no xunit summary line in $1"
    return
  fi
  field() { printf '%s\n' "$summary" | sed -n "s/.*$1: \([0-9][0-9]*\).*/\1/p"; }
  t=$(field Total) e=$(field Errors) f=$(field Failed) s=$(field Skipped) n=$(field 'Not Run')
  step_passed=$((step_passed + t - f - s - n)) step_failed=$((step_failed + f + e)) step_skipped=$((step_skipped + s + n))
  grep -E '\[SKIP\]' "$1" | sed 's/^/tests:     /' || true
}

# --- The steps: run_<name> FOLDER runs one step and counts it; its exit status is the step's own.
run_net10() {
  dotnet test Cloexec.Generators.sln -m:1 --logger trx --results-directory "$1" 2>&1 | tee "$1/dotnet-test.log"
  local status=${PIPESTATUS[0]}
  count_trx "$1" dotnet-test.log
  return "$status"
}

run_net8() {
  bash .ci/run-net8 "$1"
  local status=$?
  count_trx "$1" dotnet-test.log
  return "$status"
}

run_windows() {
  bash .ci/run-windows-tests "$1"
  local status=$?
  count_xunit_summary "$1/windows-tests.log"
  return "$status"
}

# A converted program checks each creator twice per run (default, cloexec: false) and ends each run with
# "N calls checked, N failed"; a check this machine refuses is a "skip <call>: ..." line.
# run_converted SCRIPT FOLDER: runs one of the code fix's end-to-end scripts and counts its programs' checks.
run_converted() {
  local script=$1 log="$2/$(basename "$1").log"
  bash "$script" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]} totals checked failed
  totals=$(tr -d '\r' <"$log" | sed -n 's/^\([0-9][0-9]*\) calls checked, \([0-9][0-9]*\) failed$/\1 \2/p' \
    | awk '{ runs++; checked += $1; failed += $2 } END { if (runs) print runs, checked, failed }')
  if [ -z "$totals" ]; then
    problem "no \"N calls checked, N failed\" line in $log"
  else
    read -r _ checked failed <<<"$totals"
    step_passed=$((checked - failed)) step_failed=$failed
  fi
  step_skipped=$(grep -c '^skip ' "$log")
  grep '^skip ' "$log" | sed 's/^/tests:     /'
  return "$status"
}

run_format-e2e() { run_converted .ci/run-format-e2e "$1"; }

run_format-e2e-windows() { run_converted .ci/run-format-e2e-windows "$1"; }

# Each sample is one test: it exits non-zero when what it shows stops being true. InheritanceDemo (the README's
# first command), then the ones .ci/run-samples lists, which prints "ci: sample NAME" and, on failure,
# "ci: sample NAME failed (exit N)".
run_samples() {
  local status=0 started failed
  echo "ci: sample InheritanceDemo" | tee "$1/samples.log"
  dotnet run --project samples/InheritanceDemo -m:1 2>&1 | tee "$1/sample-InheritanceDemo.log"
  code=${PIPESTATUS[0]}
  if [ "$code" -ne 0 ]; then
    echo "ci: sample InheritanceDemo failed (exit $code)" | tee -a "$1/samples.log" >&2
    status=$code
  fi
  bash .ci/run-samples "$1" 2>&1 | tee -a "$1/samples.log"
  code=${PIPESTATUS[0]}
  [ "$status" -ne 0 ] || status=$code
  started=$(grep -cE '^ci: sample [^ ]+$' "$1/samples.log")
  failed=$(grep -cE '^ci: sample [^ ]+ failed' "$1/samples.log")
  step_passed=$((started - failed)) step_failed=$failed
  return "$status"
}

run_arm64() {
  bash .ci/run-arm64 "$1"
  local status=$?
  count_trx "$1" '*.log'
  return "$status"
}

run_net11() {
  bash .ci/run-net11 "$1"
  local status=$?
  count_trx "$1" '*.log'
  return "$status"
}

# failure_reasons NAME FOLDER: why a step failed, repeated under the closing table, which is all a CI report may show
# of a long log: the step's problems and the last lines of its logs that say FAILED, error or [FAIL].
failure_reasons() {
  local problem_line
  echo "$1 failed:"
  for problem_line in "${step_problems[@]}"; do
    echo "  $problem_line"
  done
  { find "$2" -name '*.log' -type f -print0 2>/dev/null; printf '%s\0' "$2.stderr.log"; } | xargs -0 -r grep -ahE 'FAILED|: error |\[FAIL\]|Unhandled exception' 2>/dev/null \
    | tr -d '\r' | cut -c1-400 | tail -n 12 | sed 's/^/  /'
}

# --- Main.
status=0
install_requirements || { echo "tests: installing what the tests need failed" >&2; status=1; }

selected=("$@")
total_passed=0 total_failed=0 total_skipped=0 report=() reasons=()
while read -r name minimum allowed_skips description; do
  [ -n "$name" ] || continue
  if [ "${#selected[@]}" -gt 0 ] && [[ " ${selected[*]} " != *" $name "* ]]; then
    continue
  fi
  say "=== $name: $description"
  folder="$results/$name"
  mkdir -p "$folder"
  step_passed=0 step_failed=0 step_skipped=0 step_problems=()
  started=$(date +%s)
  # The step's errors are also kept beside its folder (a step may empty its folder first), for failure_reasons.
  "run_$name" "$folder" 2> >(tee "$results/$name.stderr.log" >&2)
  code=$?
  wait $! 2>/dev/null || true
  seconds=$(( $(date +%s) - started ))
  ran=$((step_passed + step_failed + step_skipped))
  [ "$code" -eq 0 ] || [ "$step_failed" -gt 0 ] || problem "$name exited $code with no failed test counted"
  [ "$ran" -ge "$minimum" ] || problem "$name ran $ran tests, fewer than its minimum $minimum"
  if [ "${CLOEXEC_SKIPS_FAIL:-}" = 1 ] && [ "$step_skipped" -gt "$allowed_skips" ]; then
    problem "$name skipped $step_skipped tests where $allowed_skips may be skipped (CLOEXEC_SKIPS_FAIL=1: this machine has every tool)"
  fi
  # A problem the counts do not show (a step that failed, counted too few, skipped too much) is one failure.
  [ "${#step_problems[@]}" -eq 0 ] || [ "$step_failed" -gt 0 ] || step_failed=1
  verdict=ok
  [ "$step_failed" -eq 0 ] || { verdict=FAILED; status=1; reasons+=("$(failure_reasons "$name" "$folder")"); }
  report+=("$(printf '%-11s %5d passed, %3d failed, %3d skipped  (minimum %d, %ds)  %s' "$name" "$step_passed" "$step_failed" "$step_skipped" "$minimum" "$seconds" "$verdict")")
  total_passed=$((total_passed + step_passed)) total_failed=$((total_failed + step_failed)) total_skipped=$((total_skipped + step_skipped))
done <<<"$(printf '%s\n' "$steps_table" | grep -v '^#')"

for name in "${selected[@]}"; do
  printf '%s\n' "$steps_table" | grep -qE "^$name[[:space:]]" || { echo "tests: no step named $name" >&2; status=1; }
done
if [ "${#report[@]}" -eq 0 ]; then
  echo "tests: no step ran" >&2
  status=1
fi

echo
say "per step:"
printf 'tests:   %s\n' "${report[@]}"
if [ "${#reasons[@]}" -gt 0 ]; then
  printf '%s\n' "${reasons[@]}" | sed 's/^/tests: /'
fi
[ "$status" -eq 0 ] || echo "tests: FAILED" >&2
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$status"
