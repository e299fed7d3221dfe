package dev.faultlab.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper of the API: ISO dates; unknown fields in a request are an error, not silently ignored; what is
 * read nests at most {@link #MAX_READ_DEPTH} levels; recipes may use their short form ({@link RecipeShortForm}).
 */
public final class Json {
    static final int MAX_READ_DEPTH = 32;

    private Json() {
    }

    public static ObjectMapper mapper() {
        JsonFactory bounded = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_READ_DEPTH).build())
                .build();
        return new ObjectMapper(bounded)
                .registerModule(new RecipeShortForm())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
