package dev.starterkit.db.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps every {@code java.util.logging} record of some loggers (the JDBC wrapper's, pgjdbc's), at every level, in
 * memory, so a test can check what a driver would log with its most verbose settings. Nothing is printed.
 */
public final class JulCapture extends Handler implements AutoCloseable {

    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private volatile boolean paused;

    private JulCapture() {
    }

    /** Starts capturing the named loggers and their children at {@link Level#ALL}. */
    public static JulCapture start(String... loggerNames) {
        JulCapture capture = new JulCapture();
        for (String name : loggerNames) {
            Logger logger = Logger.getLogger(name);
            capture.previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        }
        return capture;
    }

    /** The records so far, formatted. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets the records so far. */
    public synchronized void clear() {
        lines.clear();
    }

    /** Runs {@code work} without capturing: for the test's own statements, which are not the code under test. */
    public void paused(Runnable work) {
        paused = true;
        try {
            work.run();
        } finally {
            paused = false;
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!paused) {
            lines.add(formatter.format(record));
        }
    }

    @Override
    public void flush() {
        // kept in memory
    }

    /** Stops capturing and restores the loggers' levels. */
    @Override
    public void close() {
        previousLevels.forEach((logger, level) -> {
            logger.removeHandler(this);
            logger.setLevel(level);
        });
    }
}
