package dev.starterkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a template against the CloudFormation resource specification (every type and property name exists, every
 * required property is there, nested property types included) and SAM resources against the properties the SAM
 * documentation lists ({@code sam-properties.json}), passing SAM's pass-through properties on to the
 * specification of the resource SAM generates. Intrinsic functions are not evaluated: their values are skipped.
 */
final class TemplateValidator {

    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn", "Condition",
        "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy");

    private final ResourceSpecification spec;
    private final JsonNode sam;

    TemplateValidator(ResourceSpecification spec) throws IOException {
        this.spec = spec;
        try (InputStream in = TemplateValidator.class.getResourceAsStream("/sam-properties.json")) {
            this.sam = new ObjectMapper().readTree(in);
        }
    }

    /** Every problem found, one line each; empty when the template is valid. */
    List<String> validate(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, resource) -> resource(template, id, resource, problems));
        globals(template, problems);
        return problems;
    }

    private void resource(CfnTemplate template, String id, Map<String, Object> resource, List<String> problems) {
        resource.keySet().stream().filter(key -> !RESOURCE_ATTRIBUTES.contains(key))
            .forEach(key -> problems.add(id + ": '" + key + "' is not a resource attribute"));
        String type = String.valueOf(resource.get("Type"));
        Map<String, Object> properties = CfnTemplate.mapOf(resource.get("Properties"));
        if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
            if (!properties.containsKey("ServiceToken")) {
                problems.add(id + ": required property ServiceToken is missing");
            }
        } else if (type.startsWith("AWS::Serverless::")) {
            serverless(template, id, type, properties, problems);
        } else {
            spec.resource(type).ifPresentOrElse(
                definition -> object(id, properties, definition.path("properties"), problems),
                () -> problems.add(id + ": resource type " + type + " is not in the CloudFormation specification"));
        }
    }

    private void serverless(CfnTemplate template, String id, String type, Map<String, Object> properties,
                            List<String> problems) {
        JsonNode documented = sam.path("resources").path(type);
        if (documented.isMissingNode()) {
            problems.add(id + ": " + type + " is not among the SAM resources this check knows");
            return;
        }
        List<String> allowed = strings(documented.path("properties"));
        properties.forEach((key, value) -> {
            if (!allowed.contains(key)) {
                problems.add(id + "." + key + ": not a property of " + type + " in the SAM documentation");
            }
        });
        passThrough(id, documented, properties, problems);
        if (type.equals("AWS::Serverless::Function")) {
            Map<String, Object> merged = template.functionProperties(id);
            if (!merged.containsKey("ImageUri") && !merged.containsKey("InlineCode")) {
                for (String required : strings(documented.path("requiredForZip"))) {
                    if (!merged.containsKey(required)) {
                        problems.add(id + ": required property " + required + " is missing (Globals included)");
                    }
                }
            }
            events(id, documented, CfnTemplate.mapOf(properties.get("Events")), problems);
        }
    }

    private void passThrough(String path, JsonNode documented, Map<String, Object> properties,
                             List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> targets = documented.path("passThrough").fields();
        while (targets.hasNext()) {
            Map.Entry<String, JsonNode> target = targets.next();
            if (properties.containsKey(target.getKey())) {
                JsonNode property = spec.resource(target.getValue().asText()).orElseThrow()
                    .path("properties").path(target.getKey());
                value(path + "." + target.getKey(), properties.get(target.getKey()), property.path("type"),
                    problems);
            }
        }
    }

    private void events(String id, JsonNode documented, Map<String, Object> events, List<String> problems) {
        events.forEach((name, raw) -> {
            Map<String, Object> event = CfnTemplate.mapOf(raw);
            String type = String.valueOf(event.get("Type"));
            JsonNode allowed = documented.path("events").path(type);
            if (allowed.isMissingNode()) {
                problems.add(id + ".Events." + name + ": event type " + type + " is not one this check knows");
                return;
            }
            CfnTemplate.mapOf(event.get("Properties")).keySet().stream()
                .filter(key -> !strings(allowed).contains(key))
                .forEach(key -> problems.add(id + ".Events." + name + "." + key + ": not a property of a "
                    + type + " event in the SAM documentation"));
        });
    }

    private void globals(CfnTemplate template, List<String> problems) {
        template.section("Globals").forEach((section, raw) -> {
            JsonNode allowed = sam.path("globals").path(section);
            if (allowed.isMissingNode()) {
                problems.add("Globals." + section + ": not a Globals section in the SAM documentation");
                return;
            }
            Map<String, Object> properties = CfnTemplate.mapOf(raw);
            properties.keySet().stream().filter(key -> !strings(allowed).contains(key))
                .forEach(key -> problems.add("Globals." + section + "." + key + ": not supported in Globals"));
            passThrough("Globals." + section, sam.path("resources").path("AWS::Serverless::" + section), properties,
                problems);
        });
    }

    private void object(String path, Map<String, Object> value, JsonNode definitions, List<String> problems) {
        value.forEach((key, child) -> {
            JsonNode definition = definitions.get(key);
            if (definition == null) {
                problems.add(path + "." + key + ": no such property in the CloudFormation specification");
            } else {
                value(path + "." + key, child, definition.path("type"), problems);
            }
        });
        Iterator<Map.Entry<String, JsonNode>> fields = definitions.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().path("required").asBoolean(false) && !value.containsKey(field.getKey())) {
                problems.add(path + ": required property " + field.getKey() + " is missing");
            }
        }
    }

    private void value(String path, Object value, JsonNode type, List<String> problems) {
        if (CfnTemplate.isIntrinsic(value)) {
            return;
        }
        switch (type.path("type").asText()) {
            case "ref" -> {
                if (value instanceof Map) {
                    object(path, CfnTemplate.mapOf(value),
                        spec.type(type.path("reference").path("$ref").asText()).path("properties"), problems);
                }
            }
            case "array" -> {
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        value(path + "[" + i + "]", list.get(i), type.path("element"), problems);
                    }
                }
            }
            case "map" -> CfnTemplate.mapOf(value).forEach((key, child) ->
                value(path + "." + key, child, type.path("element"), problems));
            case "union" -> union(path, value, type, problems);
            default -> {
                // Scalars and free-form JSON: names and required properties are all this check is about.
            }
        }
    }

    private void union(String path, Object value, JsonNode type, List<String> problems) {
        if (!(value instanceof Map)) {
            return;
        }
        List<String> best = null;
        for (JsonNode candidate : type.path("types")) {
            if (!candidate.path("type").asText().equals("ref")) {
                continue;
            }
            List<String> found = new ArrayList<>();
            value(path, value, candidate, found);
            if (found.isEmpty()) {
                return;
            }
            best = best == null || found.size() < best.size() ? found : best;
        }
        if (best != null) {
            problems.addAll(best);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
