package dev.starterkit.functions.customresource;

import java.util.Map;

/** The work behind a custom resource's Create and Update: applying migrations, loading seeds. */
public interface DeployStep {

    /** What the step does, as a noun for reasons and logs, e.g. {@code "Migration"}. */
    String name();

    /**
     * Does the work on a worker thread.
     *
     * @return the response's {@code Data}: string values, as {@code Fn::GetAtt} reads them
     */
    Map<String, String> run();

    /** Stops work in progress from another thread once the timeout guard gave up on it (closes its connections). */
    void abort();
}
