package dev.faultlab.sim;

/** A role processes of a protocol play (e.g. server, client), as the catalog and topology name it. */
public record RoleSpec(String name, String description) {
}
