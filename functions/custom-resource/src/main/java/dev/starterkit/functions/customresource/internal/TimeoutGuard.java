package dev.starterkit.functions.customresource.internal;

import dev.starterkit.functions.customresource.DeployStep;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a deploy step on a worker thread and gives up on it {@code margin} before the Lambda timeout, aborting it,
 * so that there is always time left to answer CloudFormation: a function killed by its timeout never answers, and
 * the stack then waits an hour.
 */
public final class TimeoutGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TimeoutGuard.class);
    /** How long an aborted step may take to unwind (its transaction rolled back) before the answer goes out. */
    private static final long UNWIND_MILLIS = 2_000;

    private final Duration margin;

    public TimeoutGuard(Duration margin) {
        this.margin = margin;
    }

    /** The step's data, or the reason it failed or was stopped. */
    public Result run(DeployStep step, long remainingMillis) {
        long budget = remainingMillis - margin.toMillis();
        if (budget <= 0) {
            return Result.failed(step.name() + " did not start: " + remainingMillis + " ms were left before the "
                + "Lambda timeout, not more than the " + margin.toMillis() + " ms kept for answering CloudFormation");
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deploy-step");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Map<String, String>> work = worker.submit(step::run);
            return Result.done(work.get(budget, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            stop(step, worker);
            return Result.failed(step.name() + " did not finish within " + budget + " ms and was stopped "
                + margin.toMillis() + " ms before the Lambda timeout; its transaction was rolled back. Raise the "
                + "function's Timeout or make the step faster, then deploy again");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String described = Reasons.describe(cause);
            String failure = described.startsWith(step.name() + " ") ? described
                : step.name() + " failed: " + described;
            // The message only, sanitized: exception messages can carry connection strings.
            LOG.error("{} ({})", Reasons.sanitize(failure), cause.getClass().getName());
            return Result.failed(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(step, worker);
            return Result.failed(step.name() + " was interrupted");
        } finally {
            worker.shutdownNow();
        }
    }

    private static void stop(DeployStep step, ExecutorService worker) {
        LOG.error("{} ran into the timeout guard; aborting it", step.name());
        try {
            step.abort();
            worker.shutdownNow();
            worker.awaitTermination(UNWIND_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Aborting {} failed: {}", step.name(), e.toString());
        }
    }

    /**
     * What the guarded step came to.
     *
     * @param data the step's data, or null when it failed
     * @param failure why it failed (not yet sanitized), or null
     */
    public record Result(Map<String, String> data, String failure) {

        static Result done(Map<String, String> data) {
            return new Result(data == null ? Map.of() : data, null);
        }

        static Result failed(String failure) {
            return new Result(null, failure);
        }

        /** Whether the step finished. */
        public boolean succeeded() {
            return failure == null;
        }
    }
}
