#!/usr/bin/env python3
"""Regenerates python_floats.txt, the golden file PythonFloatFormatTest checks every line of.

Run from the repository root:

    python3 src/test/resources/dev/fxmatrix/output/gen_python_floats.py \
        > src/test/resources/dev/fxmatrix/output/python_floats.txt

Each data line is  repr(x) TAB '|' + f"{x:7.03}" + '|'  (the bars keep the padding visible).
repr() round-trips exactly and Java's Double.parseDouble is correctly rounded, so the Java test
rebuilds the very same double; 'nan', 'inf' and '-inf' are mapped by hand. The output is
deterministic (fixed random seed), so regenerating only changes the file if Python changes.
"""
import math
import platform
import random

SEEDS = [0.8867606633, 3.8015429636, 8.5297508203, 22.7170346723, 111.2973308504,
         1139.4519819101, 14132.9963642813]


def values():
    # The seed rates, their inverses and every cross rate between them (as the table shows them).
    with_one = [1.0] + SEEDS
    yield from SEEDS
    yield from (1 / s for s in SEEDS)
    yield from (a / b for a in with_one for b in with_one)
    # Values named in the spec and their neighbourhood.
    yield from [1.27e+02, 127.3, 22.7, 0.000878, 7.1e-05, 7.08e-05, 0.25, 10.2, 16855.0, 1.0,
                0.0001, 0.00009995, 9.995, 99.95, 99.96, 999.5, 0.0000708]
    # Special values.
    yield from [0.0, -0.0, math.nan, math.inf, -math.inf, 5e-324, 2.2250738585072014e-308,
                1.7976931348623157e+308, 1e16, 1e22, 1e100, 1e-100]
    # Integers, small dyadic fractions (exact binary ties for round-half-even) and their negatives.
    for i in list(range(0, 130)) + [999, 1000, 1001, 1005, 1015, 1025, 9995, 10000, 12345, 99950]:
        yield float(i)
        yield -float(i)
    for den in (2, 4, 8, 16, 32, 64, 1024):
        for num in range(1, 3 * den, 3 if den > 32 else 1):
            yield num / den
            yield -num / den
    # Rounding boundaries: d.dd5 and 9.995-like values at every decade, plus the doubles on either side.
    for e in range(-12, 21):
        scale = 10.0 ** e
        for m in (1.0, 1.005, 1.015, 1.125, 2.5, 4.445, 9.95, 9.994, 9.995, 9.9949999, 9.9950001, 9.999):
            x = m * scale
            yield x
            yield math.nextafter(x, math.inf)
            yield math.nextafter(x, -math.inf)
    # Random values spread log-uniformly over many magnitudes, and "decimal looking" ones
    # (few digits, like API rates) that often sit right on a decimal tie.
    rnd = random.Random(20190409)
    for _ in range(2000):
        yield 10.0 ** rnd.uniform(-12, 20)
    for _ in range(1000):
        x = 10.0 ** rnd.uniform(-6, 6)
        yield float(f"{x:.4g}")
    for _ in range(300):
        yield -(10.0 ** rnd.uniform(-8, 8))


def main():
    print("# Golden file for PythonFloatFormatTest: repr(x) TAB |f\"{x:7.03}\"|")
    print(f"# Produced by Python {platform.python_version()} with:")
    print("#   python3 src/test/resources/dev/fxmatrix/output/gen_python_floats.py"
          " > src/test/resources/dev/fxmatrix/output/python_floats.txt")
    seen = set()
    for x in values():
        key = repr(x)
        if key in seen:
            continue
        seen.add(key)
        print(f"{key}\t|{x:7.03}|")


if __name__ == "__main__":
    main()
