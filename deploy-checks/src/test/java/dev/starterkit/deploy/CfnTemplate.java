package dev.starterkit.deploy;

import java.io.IOException;
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
 * A CloudFormation/SAM template read from YAML, short-form intrinsic functions ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, ...) turned into their long form ({@code {"Fn::GetAtt": [...]}}) as CloudFormation does.
 */
final class CfnTemplate {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
        "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
        "ToJsonString", "Length");

    private final Map<String, Object> document;

    private CfnTemplate(Map<String, Object> document) {
        this.document = document;
    }

    static CfnTemplate load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static CfnTemplate parse(String yaml) {
        return new CfnTemplate((Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(yaml));
    }

    Map<String, Map<String, Object>> resources() {
        return mapOf(document.get("Resources"));
    }

    Map<String, Object> section(String name) {
        return mapOf(document.get(name));
    }

    /** The logical ids of the {@code AWS::Serverless::Function} resources, in template order. */
    List<String> functionIds() {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** A function's properties with {@code Globals.Function} merged in, the way SAM merges them. */
    Map<String, Object> functionProperties(String logicalId) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Object> globals = mapOf(section("Globals").get("Function"));
        Map<String, Object> own = mapOf(resources().get(logicalId).get("Properties"));
        merged.putAll(globals);
        own.forEach((key, value) -> merged.merge(key, value, CfnTemplate::mergeValues));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValues(Object global, Object local) {
        if (global instanceof Map && local instanceof Map && !isIntrinsic(local)) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) global);
            ((Map<String, Object>) local).forEach((k, v) -> merged.merge(k, v, CfnTemplate::mergeValues));
            return merged;
        }
        return local;
    }

    /** Whether {@code value} is an intrinsic function call such as {@code {"Ref": "X"}}. */
    static boolean isIntrinsic(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> mapOf(Object value) {
        return value instanceof Map ? (Map<String, V>) value : Map.of();
    }

    /** SnakeYAML constructor for CloudFormation's short-form tags. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String name : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
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
                    if (key.equals("Fn::GetAtt")) {
                        String text = (String) value;
                        int dot = text.indexOf('.');
                        value = List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> call = new LinkedHashMap<>();
                call.put(key, value);
                return call;
            }
        }
    }
}
