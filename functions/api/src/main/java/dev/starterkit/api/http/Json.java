package dev.starterkit.api.http;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON mapper: ISO-8601 timestamps, strict reading, bounded nesting and sizes. */
public final class Json {

    /** Deepest nesting accepted in a request body. */
    public static final int MAX_NESTING = 32;

    /**
     * The shared, thread-safe mapper. Its buffers are recycled per thread (as Jackson 2 did): an execution
     * environment runs one request at a time, and the default concurrent pool costs more per call.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(1_000_000)
                .maxNumberLength(100)
                .build())
            .build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private Json() {
    }

    /** Serializes a response body; a {@link RawJson} body is already JSON and is written as it is. */
    public static String write(Object value) {
        return value instanceof RawJson raw ? raw.json() : MAPPER.writeValueAsString(value);
    }
}
