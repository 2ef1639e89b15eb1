"""Scale data for benchmarks: each app registers a generator in its ``scale.py``.

::

    from core.scale_loader import scale_generator

    @scale_generator(order=30, label="museums")
    def generate(ctx):
        count = ctx.scaled(5000)
        for number in ctx.progress(range(count), "museums"):
            ...  # use ctx.rng (seeded random.Random) for every choice

``manage.py generate_scale --factor 1 --seed 42`` runs them in order (``--only museums,agenda``
to pick). ``factor`` scales every app's full size (1.0 = the sizes the benchmarks are specified
for), so a quick run uses ``--factor 0.01``.
"""

import random
from dataclasses import dataclass, field

_GENERATORS = []


@dataclass(order=True)
class ScaleGenerator:
    order: int
    label: str = field(compare=False)
    func: object = field(compare=False)


def scale_generator(*, order, label):
    def decorator(func):
        if not any(g.func is func for g in _GENERATORS):
            _GENERATORS.append(ScaleGenerator(order=order, label=label, func=func))
        return func

    return decorator


def registered_generators():
    return sorted(_GENERATORS)


class ScaleContext:
    def __init__(self, stdout, *, factor=1.0, seed=42, verbosity=1):
        self.stdout = stdout
        self.factor = factor
        self.seed = seed
        self.rng = random.Random(seed)
        self.verbosity = verbosity
        self.data = {}  # generators may share results (e.g. museum ids for events)

    def scaled(self, full_size):
        return max(1, round(full_size * self.factor))

    def log(self, message):
        if self.verbosity:
            self.stdout.write(message)

    def progress(self, items, label, every=None):
        items = list(items)
        total = len(items)
        step = every or max(1, total // 20)
        for number, item in enumerate(items, start=1):
            yield item
            if self.verbosity and (number % step == 0 or number == total):
                self.stdout.write(f"    {label}: {number}/{total}")
