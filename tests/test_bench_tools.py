"""The HTTP benchmark's own arithmetic: reading wrk's output and rewriting only its results section.

``make bench`` itself is never run by the suite; these check that what it reports is read right.
The samples are real ``wrk --latency`` outputs recorded on the development machine.
"""

import importlib.util
from pathlib import Path

import pytest

RUN_PY = Path(__file__).resolve().parent.parent / "bench" / "run.py"
_spec = importlib.util.spec_from_file_location("bench_run", RUN_PY)
bench_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_run)

FLOOR_SAMPLE = """\
Running 3s test @ http://127.0.0.1:8772/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.11ms    5.31ms  47.77ms   84.06%
    Req/Sec     1.24k   740.48     2.56k    55.00%
  Latency Distribution
     50%    5.41ms
     75%    8.88ms
     90%   14.94ms
     99%   24.55ms
  7430 requests in 3.02s, 1.38MB read
Requests/sec:   2462.56
Transfer/sec:    468.94KB
"""

# A page answering 404 slowly, with more connections than the server keeps up with and a
# 1 s timeout: wrk counts the non-2xx answers and the timeouts apart.
ERRORS_SAMPLE = """\
Running 3s test @ http://127.0.0.1:8771/nope/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   520.58ms  291.68ms 986.13ms   57.41%
    Req/Sec    38.66     21.44    72.00     68.42%
  Latency Distribution
     50%  532.64ms
     75%  767.95ms
     90%  917.98ms
     99%  986.13ms
  172 requests in 3.05s, 513.48KB read
  Socket errors: connect 0, read 0, write 0, timeout 118
  Non-2xx or 3xx responses: 172
Requests/sec:     56.37
Transfer/sec:    168.29KB
"""


def test_parses_throughput_and_latency_percentiles():
    result = bench_run.parse_wrk(FLOOR_SAMPLE)
    assert result.requests_per_second == pytest.approx(2462.56)
    assert result.p50_ms == pytest.approx(5.41)
    assert result.p99_ms == pytest.approx(24.55)
    assert result.requests == 7430
    assert result.errors == 0


def test_counts_non_success_answers_and_socket_errors():
    result = bench_run.parse_wrk(ERRORS_SAMPLE)
    assert result.requests_per_second == pytest.approx(56.37)
    assert result.p50_ms == pytest.approx(532.64)
    assert result.p99_ms == pytest.approx(986.13)
    assert result.non_success == 172
    assert result.socket_errors == {"connect": 0, "read": 0, "write": 0, "timeout": 118}
    assert result.errors == 290


@pytest.mark.parametrize(
    ("text", "milliseconds"),
    [("812.00us", 0.812), ("5.41ms", 5.41), ("1.02s", 1020.0), ("2.00m", 120_000.0)],
)
def test_reads_every_wrk_time_unit_as_milliseconds(text, milliseconds):
    assert bench_run.parse_duration_ms(text) == pytest.approx(milliseconds)


def test_refuses_output_without_a_latency_distribution():
    without_latency = "\n".join(
        line for line in FLOOR_SAMPLE.splitlines() if "%" not in line or "Stdev" in line
    )
    with pytest.raises(ValueError):
        bench_run.parse_wrk(without_latency)


def test_share_is_over_the_mean_of_the_floor_runs_around_the_target():
    assert bench_run.share_of_floor(30.0, 900.0, 1100.0) == pytest.approx(3.0)


def test_targets_follow_the_issue():
    assert bench_run.target_for("uncached", "page") == 3.0
    assert bench_run.target_for("uncached", "listing") == 2.2
    assert bench_run.target_for("uncached", "home") == 1.6
    assert bench_run.target_for("uncached", "api-list") == 6.0
    assert bench_run.target_for("uncached", "feed") is None
    assert bench_run.target_for("cached", "api-detail") == 50.0


def _row(share, status=200, x_cache="hit", round_name="cached", errors=0):
    result = bench_run.parse_wrk(ERRORS_SAMPLE if errors else FLOOR_SAMPLE)
    return {
        "round": round_name,
        "kind": "page",
        "status": status,
        "x_cache": x_cache,
        "result": result,
        "share": share,
        "target": bench_run.target_for(round_name, "page"),
    }


def test_a_target_is_met_only_by_clean_answers_above_it():
    assert bench_run.verdict(_row(60.0)) == "yes"
    assert bench_run.verdict(_row(40.0)).startswith("**no**")
    assert "X-Cache miss" in bench_run.verdict(_row(60.0, x_cache="miss"))
    assert "status 500" in bench_run.verdict(_row(60.0, status=500))
    assert "290 errors" in bench_run.verdict(_row(60.0, errors=1))


def test_rewrites_only_its_own_section(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nScale tables.\n")
    bench_run.write_section(results, f"{bench_run.START_MARK}\nfirst\n{bench_run.END_MARK}\n")
    results.write_text(results.read_text() + "\nNotes after.\n")
    bench_run.write_section(results, f"{bench_run.START_MARK}\nsecond\n{bench_run.END_MARK}\n")
    text = results.read_text()
    assert text.startswith("# Benchmark results\n\nScale tables.\n")
    assert "second" in text and "first" not in text
    assert text.count(bench_run.START_MARK) == 1
    assert text.rstrip().endswith("Notes after.")
