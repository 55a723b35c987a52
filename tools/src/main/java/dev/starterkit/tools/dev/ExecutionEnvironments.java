package dev.starterkit.tools.dev;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * A function's execution environments, as Lambda keeps them: up to {@code size} handler instances, each created
 * once (its own connection) and serving one request at a time; a request waits when all are busy.
 */
public final class ExecutionEnvironments implements AutoCloseable {

    private final String functionName;
    private final int size;
    private final Supplier<Object> factory;
    private final String methodName;
    private final BlockingQueue<Object> idle = new LinkedBlockingQueue<>();
    private final List<Object> all = new ArrayList<>();

    public ExecutionEnvironments(String functionName, int size, Supplier<Object> factory, String methodName) {
        this.functionName = functionName;
        this.size = size;
        this.factory = factory;
        this.methodName = methodName;
    }

    /** Runs one request in a free environment, creating one if fewer than {@code size} exist. */
    public APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event, String requestId) throws Exception {
        Object handler = take();
        try {
            Method method = handler.getClass().getMethod(methodName, APIGatewayV2HTTPEvent.class, Context.class);
            return (APIGatewayV2HTTPResponse) method.invoke(handler, event,
                new LocalContext(functionName, requestId, 30, 1024));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        } finally {
            idle.add(handler);
        }
    }

    /** How many environments exist now. */
    public synchronized int created() {
        return all.size();
    }

    private Object take() throws InterruptedException {
        Object handler = idle.poll();
        if (handler != null) {
            return handler;
        }
        synchronized (this) {
            if (all.size() < size) {
                Object created = factory.get();
                all.add(created);
                return created;
            }
        }
        return idle.take();
    }

    @Override
    public synchronized void close() {
        for (Object handler : all) {
            if (handler instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println(functionName + ": closing an environment failed: " + e.getMessage());
                }
            }
        }
        all.clear();
        idle.clear();
    }
}
