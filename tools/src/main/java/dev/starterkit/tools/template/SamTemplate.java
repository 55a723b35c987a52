package dev.starterkit.tools.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The functions of {@code template.yaml} as local tools need them: handler, code location, environment variables
 * (Globals merged in) and HTTP API routes. CloudFormation short tags ({@code !Ref}, {@code !Sub}, ...) are read as
 * their long forms ({@code {"Ref": ...}}); a value that needs AWS to resolve stays unresolved.
 */
public final class SamTemplate {

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /** Reads a template file. */
    public static SamTemplate read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new CloudFormationConstructor()).load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return new SamTemplate(cast(map));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Every {@code AWS::Serverless::Function}, in template order. */
    public List<FunctionSpec> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Object> globalEnv = map(map(globals.get("Environment")).get("Variables"));
        List<FunctionSpec> functions = new ArrayList<>();
        map(root.get("Resources")).forEach((logicalId, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                functions.add(function(logicalId, map(resource.get("Properties")), globals, globalEnv));
            }
        });
        return functions;
    }

    /** The function with this logical id. */
    public FunctionSpec function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + logicalId
                + "; functions: " + String.join(", ", functions().stream().map(FunctionSpec::logicalId).toList())));
    }

    private static FunctionSpec function(String id, Map<String, Object> props, Map<String, Object> globals,
                                         Map<String, Object> globalEnv) {
        Map<String, Object> env = new LinkedHashMap<>(globalEnv);
        env.putAll(map(map(props.get("Environment")).get("Variables")));
        List<RouteSpec> routes = new ArrayList<>();
        map(props.get("Events")).forEach((name, event) -> {
            Map<String, Object> e = map(event);
            if ("HttpApi".equals(e.get("Type"))) {
                Map<String, Object> p = map(e.get("Properties"));
                Object path = p.get("Path");
                Object method = p.get("Method");
                routes.add(path == null && method == null ? RouteSpec.defaultRoute()
                    : new RouteSpec(method == null ? "ANY" : method.toString().toUpperCase(java.util.Locale.ROOT),
                        path == null ? "$default" : path.toString()));
            }
        });
        Object handler = props.getOrDefault("Handler", globals.get("Handler"));
        Object codeUri = props.getOrDefault("CodeUri", globals.get("CodeUri"));
        return new FunctionSpec(id, handler == null ? null : handler.toString(),
            codeUri == null ? null : codeUri.toString(), env, routes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Reads {@code !Ref x} as {@code {Ref: x}} and {@code !Sub ...} as {@code {Fn::Sub: ...}}. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String fn : List.of("Ref", "Condition", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals",
                "And", "Or", "Not", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr", "Transform",
                "ToJsonString", "Length")) {
                yamlConstructors.put(new Tag("!" + fn), new Intrinsic(fn.equals("Ref") || fn.equals("Condition")
                    ? fn : "Fn::" + fn));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
