package dev.starterkit.api.idempotency;

import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.http.ApiRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A request's {@code Idempotency-Key} in the terms the database stores: the record's id and the sealing key are both
 * derived from the key and the caller's {@code Authorization} header, so neither the key nor a response (which may
 * carry a session token) can be read from the table without the client's key.
 *
 * @param id hex SHA-256 naming the record
 * @param requestHash hex SHA-256 of method, path, query and body
 * @param sealingKey AES-256 key for the recorded response
 */
record IdempotentRequest(String id, String requestHash, byte[] sealingKey) {

    /** Longest key accepted; a UUID is 36 characters. */
    static final int MAX_KEY_LENGTH = 255;
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The idempotent form of {@code request}, whose key is {@code key}; refuses a malformed key. */
    static IdempotentRequest of(ApiRequest request, String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                + " visible ASCII characters");
        }
        String caller = request.header("authorization").orElse("");
        String query = new TreeMap<>(request.query()).toString();
        return new IdempotentRequest(
            hex(sha256("record", caller, key)),
            hex(sha256(request.method(), request.path(), query, request.body() == null ? "" : request.body())),
            sha256("seal", caller, key));
    }

    /** {@code plain} encrypted and authenticated with this request's sealing key, bound to its record id. */
    byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
    }

    /** The plain bytes of a value made by {@link #seal}; fails when it was sealed for another key or altered. */
    byte[] open(byte[] value) {
        if (value == null || value.length < 1 + NONCE_BYTES || value[0] != FORMAT) {
            throw new IdempotencyRecordException("The recorded response has an unknown format", null);
        }
        byte[] nonce = java.util.Arrays.copyOfRange(value, 1, 1 + NONCE_BYTES);
        return cipher(Cipher.DECRYPT_MODE, nonce).doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
    }

    private Sealer cipher(int mode, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(sealingKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
            return new Sealer(cipher);
        } catch (GeneralSecurityException e) {
            throw new IdempotencyRecordException("AES-GCM is not available", e);
        }
    }

    /** A cipher whose failures are unchecked. */
    private record Sealer(Cipher cipher) {
        byte[] doFinal(byte[] input) {
            return doFinal(input, 0, input.length);
        }

        byte[] doFinal(byte[] input, int offset, int length) {
            try {
                return cipher.doFinal(input, offset, length);
            } catch (GeneralSecurityException e) {
                throw new IdempotencyRecordException("The recorded response does not open with this key", e);
            }
        }
    }

    private static byte[] sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IdempotencyRecordException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
