package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** lab.yaml's JSON Schema (in the jar, also the file editors can point at), checked before anything else. */
final class LabSchema {
    static final String RESOURCE = "/dev/faultlab/lab/lab.schema.json";
    private static final Schema SCHEMA = load();

    /** One schema violation: where (a JSON pointer into lab.yaml) and what. */
    record Violation(String pointer, String message) {
    }

    private LabSchema() {
    }

    private static Schema load() {
        try (InputStream in = LabSchema.class.getResourceAsStream(RESOURCE)) {
            JsonNode schema = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("the lab schema " + RESOURCE + " cannot be read", e);
        }
    }

    static List<Violation> check(JsonNode lab) {
        List<Error> errors = SCHEMA.validate(lab);
        return errors.stream().map(e -> new Violation(pointer(e), e.getMessage())).distinct().toList();
    }

    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        var location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(location.getElement(i));
        }
        if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
            pointer.append('/').append(error.getProperty());
        }
        return pointer.toString();
    }
}
