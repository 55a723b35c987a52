package dev.starterkit.tools.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of the template.
 *
 * @param logicalId the logical id, e.g. {@code UsersFunction}
 * @param handler {@code package.Class::method}
 * @param codeUri where the code is built from, e.g. {@code functions/api}
 * @param environment environment variables; values are strings or unresolved intrinsic functions
 * @param routes its HTTP API routes
 */
public record FunctionSpec(String logicalId, String handler, String codeUri, Map<String, Object> environment,
                           List<RouteSpec> routes) {

    public FunctionSpec {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        routes = List.copyOf(routes);
    }

    /** The handler's class name. */
    public String handlerClass() {
        int sep = handler.indexOf("::");
        return sep < 0 ? handler : handler.substring(0, sep);
    }

    /** The handler's method name ({@code handleRequest} when not given). */
    public String handlerMethod() {
        int sep = handler.indexOf("::");
        return sep < 0 ? "handleRequest" : handler.substring(sep + 2);
    }

    /** The variables whose values are plain strings; intrinsic values need AWS and are left out locally. */
    public Map<String, String> literalEnvironment() {
        Map<String, String> literal = new LinkedHashMap<>();
        environment.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                literal.put(key, value.toString());
            }
        });
        return literal;
    }
}
