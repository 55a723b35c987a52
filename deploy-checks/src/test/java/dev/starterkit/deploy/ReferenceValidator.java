package dev.starterkit.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the template refers to: every {@code Ref}, {@code Fn::GetAtt} and {@code ${...}} in {@code Fn::Sub}
 * names a parameter, a pseudo parameter, a resource, or a resource SAM generates ({@code <Function>.Alias} and
 * {@code .Version} with {@code AutoPublishAlias}); every attribute exists for the resource's type in the
 * specification (SAM resources and custom resources, whose attributes are their own, excepted).
 */
final class ReferenceValidator {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{(?!!)([^}]+)}");
    private static final Set<String> SAM_GENERATED = Set.of("Alias", "Version");

    private final ResourceSpecification spec;

    ReferenceValidator(ResourceSpecification spec) {
        this.spec = spec;
    }

    List<String> validate(CfnTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>(template.section("Parameters").keySet());
        names.addAll(template.resources().keySet());
        for (String section : List.of("Globals", "Resources", "Outputs", "Conditions")) {
            walk(section, template.section(section), template, names, problems);
        }
        return problems;
    }

    private void walk(String path, Object value, CfnTemplate template, Set<String> names, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Ref")) {
                ref(path, String.valueOf(map.get("Ref")), template, names, problems);
            } else if (map.size() == 1 && map.containsKey("Fn::GetAtt")) {
                List<?> target = (List<?>) map.get("Fn::GetAtt");
                attribute(path, String.valueOf(target.get(0)), String.valueOf(target.get(1)), template, problems);
            } else if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                Object sub = map.get("Fn::Sub");
                String text = String.valueOf(sub instanceof List<?> list ? list.get(0) : sub);
                Set<String> local = sub instanceof List<?> list && list.size() > 1
                    ? CfnTemplate.mapOf(list.get(1)).keySet() : Set.of();
                Matcher reference = SUB_REFERENCE.matcher(text);
                while (reference.find()) {
                    String name = reference.group(1);
                    if (!local.contains(name)) {
                        subReference(path, name, template, names, problems);
                    }
                }
            }
            map.forEach((key, child) -> walk(path + "." + key, child, template, names, problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), template, names, problems);
            }
        }
    }

    private void subReference(String path, String name, CfnTemplate template, Set<String> names,
                              List<String> problems) {
        int dot = name.indexOf('.');
        if (name.startsWith("AWS::") || dot < 0) {
            ref(path, name, template, names, problems);
        } else {
            attribute(path, name.substring(0, dot), name.substring(dot + 1), template, problems);
        }
    }

    private void ref(String path, String name, CfnTemplate template, Set<String> names, List<String> problems) {
        if (name.startsWith("AWS::") || names.contains(name)) {
            return;
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && SAM_GENERATED.contains(name.substring(dot + 1))
            && template.functionIds().contains(name.substring(0, dot))
            && template.functionProperties(name.substring(0, dot)).containsKey("AutoPublishAlias")) {
            return;
        }
        problems.add(path + ": Ref to " + name + ", which the template does not define");
    }

    private void attribute(String path, String resource, String attribute, CfnTemplate template,
                           List<String> problems) {
        Map<String, Object> target = template.resources().get(resource);
        if (target == null) {
            problems.add(path + ": GetAtt of " + resource + ", which the template does not define");
            return;
        }
        String type = String.valueOf(target.get("Type"));
        if (type.startsWith("Custom::") || type.startsWith("AWS::Serverless::")) {
            return;
        }
        spec.resource(type).ifPresent(definition -> {
            if (!definition.path("attributes").has(attribute)) {
                problems.add(path + ": " + type + " has no attribute " + attribute);
            }
        });
    }
}
