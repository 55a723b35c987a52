package dev.starterkit.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 API the tests use, started once per JVM: LocalStack (Testcontainers, the image pinned by the
 * {@code localstack.image} property) where Docker runs, else the S3Mock standalone server (the jar Maven copies to
 * {@code target/s3mock}, property {@code s3mock.jar}) as a subprocess on an ephemeral port. {@code TEST_S3=s3mock}
 * or {@code localstack} forces one. Each test class creates a bucket of its own.
 */
public final class TestS3 {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on ports? (\\d+) \\(https\\), (\\d+) \\(http\\)");
    private static final String ACCESS_KEY = "test";
    private static final String SECRET_KEY = "test";
    private static final String REGION = "us-east-1";
    private static TestS3 instance;

    private final URI endpoint;
    private final String description;

    private TestS3(URI endpoint, String description) {
        this.endpoint = endpoint;
        this.description = description;
    }

    /** The server for this JVM. */
    public static synchronized TestS3 get() {
        if (instance == null) {
            String forced = System.getenv().getOrDefault("TEST_S3", "").toLowerCase(Locale.ROOT);
            boolean docker = forced.equals("localstack") || forced.isEmpty() && dockerAvailable();
            instance = docker ? localStack() : s3Mock();
        }
        return instance;
    }

    /** The endpoint, as {@code AWS_ENDPOINT_URL_S3} would carry it. */
    public URI endpoint() {
        return endpoint;
    }

    /** Which server this is, for logs and skipped-test reasons. */
    public String description() {
        return description;
    }

    /** A client for the server: path-style, static test credentials. */
    public S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
            .forcePathStyle(true).region(Region.of(REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
    }

    /** The environment variables a process (or a ResolvedEnvironment) needs to reach this server. */
    public java.util.Map<String, String> environment() {
        return java.util.Map.of("AWS_ENDPOINT_URL_S3", endpoint.toString(), "AWS_REGION", REGION,
            "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** Creates an empty bucket named after the test class. */
    public String createBucket(Class<?> testClass) {
        String name = ("t-" + testClass.getSimpleName() + "-" + Long.toString(ThreadLocalRandom.current().nextLong()
            >>> 1, 36)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        name = name.length() > 63 ? name.substring(0, 63) : name;
        String bucket = name;
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestS3 localStack() {
        String image = System.getProperty("localstack.image", "localstack/localstack:4.4.0");
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image))
            .withServices("s3");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new TestS3(container.getEndpoint(), "LocalStack " + image);
    }

    private static TestS3 s3Mock() {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Docker and no S3Mock jar at " + jar + ": run the tests with Maven,"
                + " which copies it in pre-integration-test");
        }
        try {
            Path root = Files.createTempDirectory("s3mock");
            Path log = root.resolve("s3mock.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--server.port=0", "--com.adobe.testing.s3mock.httpPort=0",
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"), "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            int port = awaitHttpPort(process, log);
            return new TestS3(URI.create("http://127.0.0.1:" + port), "S3Mock on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Starting S3Mock failed", e);
        }
    }

    private static int awaitHttpPort(Process process, Path log) throws IOException {
        for (int i = 0; i < 1200; i++) {
            Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (started.find()) {
                return Integer.parseInt(started.group(2));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
                throw new IllegalStateException("Interrupted while S3Mock started", e);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not start within 120 s; its log: " + log);
    }
}
