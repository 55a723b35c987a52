package dev.starterkit.db.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away self-signed certificate and key in PEM files, made with the JDK's {@code keytool} (so it works
 * wherever the build's JDK does), for a test server that requires TLS.
 *
 * @param certificate the certificate, PEM
 * @param privateKey the PKCS#8 private key, PEM, readable by its owner only (PostgreSQL insists)
 */
public record SelfSignedTls(Path certificate, Path privateKey) {

    private static final char[] STORE_PASSWORD = "test-only-store".toCharArray();

    /** Writes {@code server.crt} and {@code server.key} into {@code dir}. */
    public static SelfSignedTls write(Path dir) {
        Path store = dir.resolve("server.p12");
        runKeytool(store);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD);
            Key key = keyStore.getKey("server", STORE_PASSWORD);
            byte[] certificate = keyStore.getCertificate("server").getEncoded();
            Path crt = Files.writeString(dir.resolve("server.crt"), pem("CERTIFICATE", certificate));
            Path pk = dir.resolve("server.key");
            Files.createFile(pk, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pk, pem("PRIVATE KEY", key.getEncoded()));
            Files.delete(store);
            return new SelfSignedTls(crt, pk);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the test certificate failed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Reading the test key store failed", e);
        }
    }

    /** Deletes a directory tree, for cleanup after a server stopped. */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void runKeytool(Path store) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD), "-noprompt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a test certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
