#!/usr/bin/env python3
"""Quartiles of bodies' figures, computed independently for the network benchmark's tests.

For a fixed set of samples (5 to 12 values, ties, unsorted, a constant one, and 60 seeded random
samples of 5 to 30 values on the 1-6 scale) it computes min, lower quartile, median, upper quartile
and max with numpy.quantile (default method "linear", Hyndman and Fan type 7) and checks them
against statistics.quantiles(method="inclusive") and statistics.median from the standard library.
Writes benchmark_quantiles.json beside this file; BenchmarkStatisticsTests reads it.
(numpy: Debian python3-numpy or pip install numpy)
"""
import json
import os
import random
import statistics

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    samples = [
        [4.1, 3.9, 4.4, 3.7, 4.0],
        [3.2, 4.8, 4.8, 4.1, 3.3, 5.0],
        [4.25, 4.25, 4.25, 4.25, 4.25],
        [5.1, 2.2, 3.3, 4.4, 1.5, 6.0, 2.8],
        [3.5, 3.6, 3.7, 3.8, 3.9, 4.0, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6],
    ]
    rng = random.Random(16)
    for _ in range(60):
        samples.append([rng.uniform(1, 6) for _ in range(rng.randint(5, 30))])
    cases = []
    for values in samples:
        q = [float(x) for x in numpy.quantile(values, [0, 0.25, 0.5, 0.75, 1])]
        inclusive = statistics.quantiles(values, n=4, method="inclusive")
        assert all(abs(a - b) < 1e-12 for a, b in zip(q[1:4], inclusive)), values
        assert abs(q[2] - statistics.median(values)) < 1e-12
        cases.append({"values": values, "summary": q})
    with open(os.path.join(HERE, "benchmark_quantiles.json"), "w", encoding="utf-8") as handle:
        json.dump(cases, handle, indent=0)
        handle.write("\n")


if __name__ == "__main__":
    main()
