package dev.starterkit.tools.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.starterkit.tools.dev.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVM of {@code bin/invoke}: creates the handler with its no-argument constructor (as Lambda does),
 * reads the event with the Lambda runtime's own serializers, calls the handler once and prints the response.
 */
public final class InvokeRunner {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private InvokeRunner() {
    }

    public static void main(String[] args) throws Exception {
        String functionName = args[0];
        Class<?> type = Class.forName(args[1]);
        Method method = handlerMethod(type, args[2]);
        Object handler = type.getConstructor().newInstance();
        String eventText = substitute(Files.readString(Path.of(args[3])), System.getenv());
        Class<?> inputType = method.getParameterTypes()[0];
        Object input = serializer(inputType).fromJson(new ByteArrayInputStream(
            eventText.getBytes(StandardCharsets.UTF_8)));
        Object output = method.getParameterCount() == 2
            ? method.invoke(handler, input, new LocalContext(functionName, UUID.randomUUID().toString(), 900, 1024))
            : method.invoke(handler, input);
        System.out.println(output == null ? "null" : toJson(output));
        System.exit(0);
    }

    /** Replaces {@code ${NAME}} with the environment variable NAME; an unset one stops with its name. */
    static String substitute(String text, Map<String, String> env) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = env.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The event uses ${" + matcher.group(1) + "}: set "
                    + matcher.group(1) + " in the environment");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Method handlerMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && (m.getParameterCount() == 1
                || m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)) {
                return m;
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no method " + name + "(input[, Context])");
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, InvokeRunner.class.getClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object output) {
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializer(output.getClass());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializer.toJson(output, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
