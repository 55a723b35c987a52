package dev.starterkit.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles. */
final class Samples {

    private final long[] nanos;
    private int count;

    Samples(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long value) {
        nanos[count++] = value;
    }

    long percentile(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)];
    }

    String describe() {
        return String.format("p50 %6.1f us  p99 %7.1f us", percentile(50) / 1000.0, percentile(99) / 1000.0);
    }
}
