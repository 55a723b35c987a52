package dev.starterkit.tools.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs one call per client on threads of their own, all released at once by a barrier. */
final class Concurrently {

    private Concurrently() {
    }

    /** Calls {@code call(i)} for each client {@code i} at the same moment; the results in client order. */
    static <T> List<T> run(int clients, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.apply(client);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof BrokenBarrierException ? e : e.getCause();
            throw new IllegalStateException("A client failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("A client did not finish in 120 s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
