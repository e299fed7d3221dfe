package dev.faultlab.web;

import java.util.Map;

/** The one shape every API error has on the wire. */
public record ErrorBody(Error error) {
    public record Error(String code, String message, Map<String, Object> details) {
    }

    public static ErrorBody of(String code, String message, Map<String, Object> details) {
        return new ErrorBody(new Error(code, message, details));
    }
}
