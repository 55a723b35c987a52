package dev.starterkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a subject against a baseline, interleaved call by call so that both see the same machine (which goes first
 * alternates, so that neither always runs right after the other), in several rounds; prints each round's p50 and
 * ratio, and the median and range of the ratios.
 */
final class Comparison {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

    /** One timed operation. */
    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    private Comparison() {
    }

    /** Returns the median over rounds of p50(subject) / p50(baseline), and the baselines' median p50 in ns. */
    static double[] run(String baselineName, Op baseline, String subjectName, Op subject) throws Exception {
        List<Double> ratios = new ArrayList<>();
        List<Long> baselines = new ArrayList<>();
        List<Long> subjects = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Samples[] samples = timed(new Op[] {baseline, subject});
            Samples base = samples[0];
            Samples subj = samples[1];
            System.out.printf("    round %d: %-28s %s | %-28s %s | ratio %.2f%n", round + 1, baselineName,
                base.describe(), subjectName, subj.describe(), CacheBench.ratio(subj, base));
            ratios.add(CacheBench.ratio(subj, base));
            baselines.add(base.percentile(50));
            subjects.add(subj.percentile(50));
        }
        System.out.printf("    ratio over %d rounds: median %.2f, range %.2f - %.2f%n", ROUNDS, median(ratios),
            min(ratios), max(ratios));
        return new double[] {median(ratios), median(baselines), median(subjects)};
    }

    /**
     * One round: {@link CacheBench#WARMUP} untimed then {@link CacheBench#ITERATIONS} timed calls of every op,
     * interleaved, the order rotating from call to call.
     */
    static Samples[] timed(Op[] ops) throws Exception {
        Samples[] samples = new Samples[ops.length];
        for (int k = 0; k < ops.length; k++) {
            samples[k] = new Samples(CacheBench.ITERATIONS);
        }
        for (int i = 0; i < CacheBench.WARMUP + CacheBench.ITERATIONS; i++) {
            for (int j = 0; j < ops.length; j++) {
                int k = (i + j) % ops.length;
                long t0 = System.nanoTime();
                ops[k].run();
                long t1 = System.nanoTime();
                if (i >= CacheBench.WARMUP) {
                    samples[k].add(t1 - t0);
                }
            }
        }
        return samples;
    }

    static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
