package dev.starterkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The current CloudFormation resource specification, as the npm package {@code @aws-cdk/aws-service-spec} ships it
 * ({@code db.json.gz}): resource types with their properties (name, type, required) and the property types they
 * refer to. Fetched once into {@code deploy-checks/target} by {@code fetch-spec.sh}.
 */
final class ResourceSpecification {

    private static ResourceSpecification loaded;

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> types = new HashMap<>();

    private ResourceSpecification(JsonNode schema) {
        for (JsonNode resource : schema.path("resource").path("entities")) {
            resources.put(resource.path("cloudFormationType").asText(), resource);
        }
        for (JsonNode type : schema.path("typeDefinition").path("entities")) {
            types.put(type.path("$id").asText(), type);
        }
    }

    static synchronized ResourceSpecification get() throws IOException, InterruptedException {
        if (loaded == null) {
            Path db = fetch();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(db))) {
                loaded = new ResourceSpecification(new ObjectMapper().readTree(in).path("schema"));
            }
        }
        return loaded;
    }

    /** The resource type, e.g. {@code AWS::RDS::DBProxy}. */
    Optional<JsonNode> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    /** A property type definition by its id ({@code {"$ref": "5767"}}). */
    JsonNode type(String id) {
        JsonNode type = types.get(id);
        if (type == null) {
            throw new IllegalStateException("The specification has no type " + id);
        }
        return type;
    }

    int resourceCount() {
        return resources.size();
    }

    private static Path fetch() throws IOException, InterruptedException {
        Path script = ProjectFiles.root().resolve("deploy-checks/fetch-spec.sh");
        Process process = new ProcessBuilder("bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (exit " + process.exitValue() + ")");
        }
        return Path.of(out);
    }
}
