"""A representative part of a static export, for data too large to export whole in a benchmark
run (the scale data: 5,000 museums, 50,000 exhibitions, 50,000 events).

On the database of ``DATABASE_URL`` (already filled: ``load_demo`` + ``generate_scale``), in one
process: a sample of the export's units, every page type in proportion to its share of the
site (``--units``, spread evenly over each type's pages in path order), is

1. rendered by the export (``core.export``: pages loaded in batches, routed from the batch),
   written to a temporary folder: units and addresses per second;
2. served to the same addresses through the whole stack without the batches (the Django test
   client, page cache off): the uncached serving rate of one process.

The cache is emptied before each step: both start cold and warm their inner caches (chrome,
fragments) as they go.

Prints both, their ratio and the peak memory of the process; the full export's time is
estimated from the sample's rate. Usage::

    DATABASE_URL=postgres://... .venv/bin/python bench/export_sample.py --units 1000
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1000, help="Units in the sample (default 1000).")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415 - settings first

    django.setup()
    from django.core.cache import cache  # noqa: PLC0415

    from core import export  # noqa: PLC0415

    started = time.monotonic()
    units = export.page_units()
    by_label = {}
    for unit in units.values():
        by_label.setdefault(unit.label, []).append(unit)
    total = len(units)
    sample = []
    for _label, members in sorted(by_label.items()):
        share = max(1, round(args.units * len(members) / total))
        step = max(1, len(members) // share)
        sample += members[::step][:share]
    print(
        f"[sample] {total:,} units on the site; {len(sample):,} sampled in {time.monotonic() - started:.1f}s"
    )
    with export.export_settings(), tempfile.TemporaryDirectory() as tmp:
        writer = export.Writer(tmp)
        result = export.Result()
        progress = lambda done, count: print(f"\r  [export] {done}/{count}", end="", flush=True)  # noqa: E731
        cache.clear()
        started = time.monotonic()
        export.render_units([(unit, None) for unit in sample], writer, result, progress, jobs=1)
        exported = time.monotonic() - started
        print()
        addresses = sorted(result.rendered)
        renderer = export.Renderer()
        cache.clear()
        started = time.monotonic()
        for number, address in enumerate(addresses, start=1):
            renderer.get(address)
            if number % 50 == 0:
                print(f"\r  [serve] {number}/{len(addresses)}", end="", flush=True)
        served = time.monotonic() - started
        print()
    rate, serve_rate = len(addresses) / exported, len(addresses) / served
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"[sample] {len(sample)} units, {len(addresses)} addresses: export {exported:.1f}s "
        f"({len(sample) / exported:.1f} pages/s, {rate:.1f} addresses/s); uncached serving in process "
        f"{served:.1f}s ({serve_rate:.1f} addresses/s); export / serving {rate / serve_rate:.2f}x; "
        f"peak memory {peak:.0f} MB; full export of {total:,} units estimated at "
        f"{total / (len(sample) / exported) / 60:.0f} min in one process"
    )
    if result.failures:
        print(f"[sample] {len(result.failures)} failures, e.g. {result.failures[:3]}")


if __name__ == "__main__":
    main()
