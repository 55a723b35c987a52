package dev.starterkit.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A three-master Redis Cluster of a test's own ({@code redis-server --cluster-enabled yes} x3). */
public final class RedisCluster implements AutoCloseable {

    private final List<RedisServer> nodes = new ArrayList<>();

    private RedisCluster() {
    }

    /** Starts three nodes on ephemeral ports and joins them into one cluster covering all slots. */
    public static RedisCluster start() {
        RedisCluster cluster = new RedisCluster();
        for (int i = 0; i < 3; i++) {
            cluster.nodes.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-node-timeout", "2000"));
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
        cluster.nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        cluster.run(command);
        cluster.awaitOk();
        return cluster;
    }

    /** A {@code redis://} URL of one node (the client discovers the others). */
    public String url() {
        return nodes.get(0).url();
    }

    private void awaitOk() {
        for (int i = 0; i < 200; i++) {
            boolean ok = nodes.stream().allMatch(node -> run(List.of("/usr/bin/redis-cli", "-p",
                Integer.toString(node.port()), "cluster", "info")).contains("cluster_state:ok"));
            if (ok) {
                return;
            }
            RedisServer.sleep(50);
        }
        throw new IllegalStateException("The Redis cluster did not reach cluster_state:ok");
    }

    private String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }
}
