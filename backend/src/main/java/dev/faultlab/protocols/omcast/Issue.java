package dev.faultlab.protocols.omcast;

/**
 * One multicast of the workload: member {@code from} multicasts {@code name} at time {@code at}, or later, once it
 * has delivered the message named {@code after} (null: no such wait), so a run can make one multicast causally
 * follow another whatever the delays.
 */
public record Issue(int from, long at, String after, String name) {
}
