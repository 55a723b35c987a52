package dev.starterkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a subject against a baseline, interleaved call by call so that both see the same machine, in several
 * rounds; prints each round's p50 and ratio, and the median ratio.
 */
final class Comparison {

    static final int ROUNDS = 5;

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
            Samples base = new Samples(CacheBench.ITERATIONS);
            Samples subj = new Samples(CacheBench.ITERATIONS);
            for (int i = 0; i < CacheBench.WARMUP + CacheBench.ITERATIONS; i++) {
                long t0 = System.nanoTime();
                baseline.run();
                long t1 = System.nanoTime();
                subject.run();
                long t2 = System.nanoTime();
                if (i >= CacheBench.WARMUP) {
                    base.add(t1 - t0);
                    subj.add(t2 - t1);
                }
            }
            System.out.printf("    round %d: %-28s %s | %-28s %s | ratio %.2f%n", round + 1, baselineName,
                base.describe(), subjectName, subj.describe(), CacheBench.ratio(subj, base));
            ratios.add(CacheBench.ratio(subj, base));
            baselines.add(base.percentile(50));
            subjects.add(subj.percentile(50));
        }
        return new double[] {median(ratios), median(baselines), median(subjects)};
    }

    static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
