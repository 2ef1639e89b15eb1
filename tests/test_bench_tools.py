"""The benchmarks' own arithmetic: reading wrk's output and rewriting only their results sections.

``make bench`` and ``make loadcheck`` themselves are never run by the suite; these check that what
they report is read right, and that the load check counts every error and stays on loopback.
The samples are real ``wrk --latency`` outputs recorded on the development machine.
"""

import fnmatch
import importlib.util
import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"
RUN_PY = BENCH_DIR / "run.py"
_spec = importlib.util.spec_from_file_location("bench_run", RUN_PY)
bench_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_run)

# bench/load.py imports bench/run.py as ``run`` (its own folder is on the path when it runs as a
# script): the same here while it loads.
sys.path.insert(0, str(BENCH_DIR))
try:
    _load_spec = importlib.util.spec_from_file_location("bench_load", BENCH_DIR / "load.py")
    bench_load = importlib.util.module_from_spec(_load_spec)
    _load_spec.loader.exec_module(bench_load)
finally:
    sys.path.remove(str(BENCH_DIR))

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


# --- the load check (bench/load.py) -----------------------------------------------------------

# The cached run of a real load check (64 connections, 10 s, page cache on, every answer 200). The
# script's summary is one line; the backslashes only wrap it here.
LOAD_SAMPLE = """\
Running 10s test @ http://127.0.0.1:57433/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   179.17ms  174.46ms 787.34ms   80.77%
    Req/Sec   223.07    151.23   579.00     61.11%
  Latency Distribution
     50%   96.77ms
     75%  290.29ms
     90%  447.07ms
     99%  655.91ms
  4473 requests in 10.09s, 41.48MB read
Requests/sec:    443.25
Transfer/sec:      4.11MB
load-check requests=4473 duration_us=10091454 bytes=43493719 connect=0 read=0 write=0 status=0 \
timeout=0 p50_us=96768 p90_us=447067 p99_us=655914 max_us=787345 mean_us=179174 code_200=4473
"""

# bench/load.lua against a small server answering 200, 301, 404 and 500, and one address that
# takes 2.5 s, with a 1 s timeout: redirects are no errors, everything else is counted by kind.
LOAD_ERRORS_SAMPLE = """\
Running 6s test @ http://127.0.0.1:8799/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    43.87ms   18.26ms 209.28ms   93.52%
    Req/Sec    23.54     13.39    70.00     62.50%
  Latency Distribution
     50%   43.96ms
     75%   43.99ms
     90%   47.88ms
     99%   47.98ms
  123 requests in 6.01s, 14.44KB read
  Socket errors: connect 0, read 0, write 0, timeout 15
  Non-2xx or 3xx responses: 44
Requests/sec:     20.48
Transfer/sec:      2.40KB
load-check requests=123 duration_us=6006631 bytes=14789 connect=0 read=0 write=0 status=44 \
timeout=15 p50_us=43957 p90_us=47879 p99_us=47980 max_us=209279 mean_us=43873 code_200=57 \
code_500=22 code_404=22 code_301=22
"""


def test_load_check_reads_its_summary_line():
    result = bench_load.parse_load_output(LOAD_SAMPLE)
    assert result.requests == 4473
    assert result.requests_per_second == pytest.approx(4473 / 10.091454)
    assert (result.p50_ms, result.p90_ms, result.p99_ms, result.max_ms) == pytest.approx(
        (96.768, 447.067, 655.914, 787.345)
    )
    assert result.statuses == {200: 4473}
    assert result.errors == 0
    assert set(result.error_counts) == {"connect", "read", "write", "timeout", "4xx", "5xx", "other status"}


def test_load_check_counts_every_kind_of_error_and_no_redirect():
    result = bench_load.parse_load_output(LOAD_ERRORS_SAMPLE)
    assert result.statuses == {200: 57, 301: 22, 404: 22, 500: 22}
    assert result.error_counts == {
        "connect": 0,
        "read": 0,
        "write": 0,
        "timeout": 15,
        "4xx": 22,
        "5xx": 22,
        "other status": 0,
    }
    assert result.errors == 59


def test_load_check_keeps_errors_wrk_counted_without_a_status_code():
    # wrk saw 44 answers of 400 or more, the script's codes account for 40 of them.
    output = LOAD_ERRORS_SAMPLE.replace("code_500=22", "code_500=18")
    result = bench_load.parse_load_output(output)
    assert result.error_counts["other status"] == 4
    assert result.errors == 59


def test_load_check_refuses_wrk_output_without_its_script():
    with pytest.raises(ValueError):
        bench_load.parse_load_output(FLOOR_SAMPLE)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.53", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_load_check_accepts_loopback_hosts(host):
    assert bench_load.is_loopback(host)


@pytest.mark.parametrize(
    "host",
    [
        "0.0.0.0",
        "10.0.0.5",
        "192.168.1.20",
        "::",
        "::ffff:10.0.0.1",
        "db.internal",
        "127.0.0.1.nip.io",
        "",
        None,
    ],
)
def test_load_check_refuses_other_hosts_without_resolving_them(host):
    assert not bench_load.is_loopback(host)


def test_load_check_refuses_non_loopback_services_before_doing_anything():
    assert bench_load.require_loopback("Redis URL", "redis://127.0.0.1:6379/14") == "127.0.0.1"
    with pytest.raises(SystemExit, match="not on the loopback"):
        bench_load.require_loopback("Redis URL", "redis://cache.example.org:6379/0")
    with pytest.raises(SystemExit, match="not on the loopback"):
        bench_load.parse_args(["--pg-host", "10.1.2.3"])
    with pytest.raises(SystemExit, match="not on the loopback"):
        bench_load.parse_args(["--redis-url", "redis://192.168.0.9:6379/14"])
    args = bench_load.parse_args([])
    assert (args.duration, args.connections, args.pg_host) == (60, 64, "127.0.0.1")


@pytest.mark.parametrize("argv", [["--duration", "0"], ["--duration", "3600"], ["--connections", "10000"]])
def test_load_check_is_bounded(argv):
    with pytest.raises(SystemExit):
        bench_load.parse_args(argv)


def test_load_check_serves_and_loads_only_loopback(tmp_path):
    command = bench_load.gunicorn_command(8123, 4, 4, 60, tmp_path / "access.log")
    assert command[command.index("--bind") + 1] == "127.0.0.1:8123"
    assert command[command.index("--worker-class") + 1] == "gthread"
    sync = bench_load.gunicorn_command(8123, 4, 1, 60, tmp_path / "access.log")
    assert sync[sync.index("--worker-class") + 1] == "sync"
    args = bench_load.parse_args([])
    wrk = bench_load.wrk_command("http://127.0.0.1:8123", tmp_path / "paths.txt", args, 60)
    assert wrk[:3] == ["wrk", "-t2", "-c64"] and "-d60s" in wrk
    assert wrk[wrk.index("-s") + 1].endswith("bench/load.lua")
    assert wrk[-3:] == ["http://127.0.0.1:8123/", "--", str(tmp_path / "paths.txt")]


def test_load_check_reads_the_access_log_per_kind():
    log = "\n".join(
        [
            '200 12000 "GET / HTTP/1.1"',
            '200 30000 "GET /api/v1/museums/?province=NL-GE HTTP/1.1"',
            '500 90000 "GET /api/v1/museums/?province=NL-GE HTTP/1.1"',
            "[2026-12-03 15:16:03 +0000] [15445] [INFO] Starting gunicorn",
            '200 8000 "GET /healthz HTTP/1.1"',
        ]
    )
    entries = bench_load.parse_access_log(log)
    assert entries[0] == (200, 12.0, "/")
    assert len(entries) == 4
    kinds = {"/": "home", "/api/v1/museums/?province=NL-GE": "api-list"}
    summary = bench_load.server_side_by_kind(entries, kinds)
    assert summary["api-list"] == {"requests": 2, "errors": 1, "p50_ms": 30.0, "p99_ms": 90.0}
    assert summary["other"]["requests"] == 1  # /healthz
    assert bench_load.slowest_addresses(entries, 1) == [("/api/v1/museums/?province=NL-GE", 30.0, 90.0, 2)]


def test_load_check_finds_problems_in_the_server_log():
    log = """\
[2026-12-03 15:16:03 +0000] [15445] [INFO] Booting worker with pid: 15446
Not Found: /nope/
cache unreachable (TimeoutError): serving without it
Internal Server Error: /musea/
Traceback (most recent call last):
[2026-12-03 15:17:04 +0000] [15445] [CRITICAL] WORKER TIMEOUT (pid:15446)
"""
    problems, warnings = bench_load.log_findings(log)
    assert problems == [
        "Internal Server Error: /musea/",
        "Traceback (most recent call last):",
        "[2026-12-03 15:17:04 +0000] [15445] [CRITICAL] WORKER TIMEOUT (pid:15446)",
    ]
    assert warnings == ["cache unreachable (TimeoutError): serving without it"]


def test_a_load_run_passes_only_without_any_error():
    clean = bench_load.Run(
        "cached", True, 60, result=bench_load.parse_load_output(LOAD_SAMPLE), healthz="200 ok"
    )
    assert clean.passed and clean.problems == []
    failing = bench_load.Run(
        "cached", True, 60, result=bench_load.parse_load_output(LOAD_ERRORS_SAMPLE), healthz="200 ok"
    )
    assert not failing.passed
    assert {"15 timeout", "22 4xx", "22 5xx"} <= set(failing.problems)
    degraded = bench_load.Run("cached", True, 60, result=clean.result, healthz="200 degraded")
    assert not degraded.passed
    logged = bench_load.Run(
        "cached", True, 60, result=clean.result, healthz="200 ok", log_problems=["Traceback"]
    )
    assert not logged.passed
    unchecked = bench_load.Run("cached", True, 60, precheck_failures=[("/musea/", 500)], healthz="-")
    assert not unchecked.passed


def test_load_check_samples_the_sitemap_in_both_languages():
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://127.0.0.1:8000/</loc></url>
<url><loc>http://127.0.0.1:8000/musea/</loc></url>
<url><loc>http://127.0.0.1:8000/musea/rijksmuseum/</loc></url>
<url><loc>http://127.0.0.1:8000/agenda/?page=2</loc></url>
<url><loc>http://127.0.0.1:8000/en/</loc></url>
<url><loc>http://127.0.0.1:8000/en/museums/</loc></url>
</urlset>"""
    paths = bench_load.sitemap_paths(xml)
    assert paths == ["/", "/musea/", "/musea/rijksmuseum/", "/agenda/?page=2", "/en/", "/en/museums/"]
    assert bench_load.sample_by_language(paths, 4) == ["/", "/musea/rijksmuseum/", "/en/", "/en/museums/"]
    assert bench_load.sample_evenly(range(10), 5) == [0, 2, 4, 6, 8]
    assert bench_load.sample_evenly([1, 2], 5) == [1, 2]


def test_load_check_follows_the_sitemap_index_to_its_parts():
    base = "http://127.0.0.1:8000"
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemaps/3.xml</loc><lastmod>2026-01-02T10:00:00+01:00</lastmod></sitemap>
<sitemap><loc>{base}/sitemaps/4.xml</loc></sitemap>
<sitemap><loc>{base}/sitemaps/4-2.xml</loc></sitemap>
</sitemapindex>"""

    def urlset(*paths):
        urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
        return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    bodies = {
        "/sitemap.xml": index,
        "/sitemaps/3.xml": urlset("/"),
        "/sitemaps/4.xml": urlset("/musea/", "/musea/rijksmuseum/"),
        "/sitemaps/4-2.xml": urlset("/musea/mauritshuis/"),
    }
    asked = []

    def fetch(path):
        asked.append(path)
        return (200, bodies[path]) if path in bodies else (404, "")

    paths = bench_load.sitemap_page_paths(fetch)
    assert paths == ["/", "/musea/", "/musea/rijksmuseum/", "/musea/mauritshuis/"]
    assert asked == ["/sitemap.xml", "/sitemaps/3.xml", "/sitemaps/4.xml", "/sitemaps/4-2.xml"]
    # A plain sitemap is read as it is; a part that is missing stops the check.
    bodies["/sitemap.xml"] = urlset("/", "/en/")
    assert bench_load.sitemap_page_paths(fetch) == ["/", "/en/"]
    bodies["/sitemap.xml"] = index.replace("4-2.xml", "4-3.xml")
    with pytest.raises(SystemExit, match="4-3.xml"):
        bench_load.sitemap_page_paths(fetch)


class _FakeRedis:
    """Enough of a Redis client to see which keys the cleaning deletes (and that it never flushes)."""

    def __init__(self, keys):
        self.keys = set(keys)
        self.patterns = []

    def scan_iter(self, match, count):
        self.patterns.append(match)
        return iter(sorted(key for key in self.keys if fnmatch.fnmatchcase(key, match)))

    def delete(self, *keys):
        found = self.keys & set(keys)
        self.keys -= found
        return len(found)

    def flushdb(self, *args):
        raise AssertionError("the load check must never flush a shared Redis database")

    flushall = flushdb


def test_load_check_deletes_only_its_own_redis_keys():
    client = _FakeRedis(
        [f"museumsite-load-ab12:1:page:{number}" for number in range(1200)]
        + ["museumsite-test-4242:1:page:1", "museumsite-load-ab123:1:x", "museumsite:1:chrome"]
    )
    assert bench_load.clean_redis_prefix(client, "museumsite-load-ab12") == 1200
    assert client.patterns == ["museumsite-load-ab12:*"]
    assert client.keys == {
        "museumsite-test-4242:1:page:1",
        "museumsite-load-ab123:1:x",
        "museumsite:1:chrome",
    }
    with pytest.raises(ValueError):
        bench_load.clean_redis_prefix(client, "*")


def test_load_check_rewrites_only_its_own_section(tmp_path):
    results = tmp_path / "RESULTS.md"
    http = f"{bench_run.START_MARK}\nhttp numbers\n{bench_run.END_MARK}\n"
    results.write_text("# Benchmark results\n\nScale tables.\n\n" + http)
    bench_load.write_section(results, f"{bench_load.START_MARK}\nfirst load\n{bench_load.END_MARK}\n")
    bench_load.write_section(results, f"{bench_load.START_MARK}\nsecond load\n{bench_load.END_MARK}\n")
    text = results.read_text()
    assert "http numbers" in text and "Scale tables." in text
    assert "second load" in text and "first load" not in text
    assert text.count(bench_load.START_MARK) == 1


def test_load_check_says_when_the_code_changed_under_it():
    assert bench_load.code_text([("setup", "82b2b3e"), ("cached run", "82b2b3e"), ("end", "82b2b3e")]) == (
        "`82b2b3e` throughout"
    )
    changed = bench_load.code_text([("setup", "9d3eb50"), ("uncached run", "82b2b3e"), ("end", "82b2b3e")])
    assert changed.startswith("**changed during the check**: setup `9d3eb50` → uncached run `82b2b3e`")
    assert bench_load.code_text([("setup", None), ("end", None)]).startswith("unknown")
