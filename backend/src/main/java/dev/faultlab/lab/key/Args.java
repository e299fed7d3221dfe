package dev.faultlab.lab.key;

import dev.faultlab.lab.LabException;

import java.util.List;
import java.util.Map;

/** Reads a key's arguments as lab.yaml gives them, naming the argument when one is missing or of the wrong type. */
final class Args {
    private Args() {
    }

    static int integer(Map<String, Object> args, String name, String field) {
        Object value = args.get(name);
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new LabException(field + "." + name, "must be a whole number, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return number.intValue();
    }

    /** A round number, counted from 1. */
    static int round(Map<String, Object> args, String field) {
        int round = integer(args, "round", field);
        if (round < 1) {
            throw new LabException(field + ".round", "rounds are numbered from 1");
        }
        return round;
    }

    /** A virtual time in ticks, 0 or more. */
    static long time(Map<String, Object> args, String field) {
        int time = integer(args, "time", field);
        if (time < 0) {
            throw new LabException(field + ".time", "must be 0 or more ticks, got " + time);
        }
        return time;
    }

    static boolean flag(Map<String, Object> args, String name, String field) {
        Object value = args.getOrDefault(name, false);
        if (!(value instanceof Boolean bool)) {
            throw new LabException(field + "." + name, "must be true or false, got '" + value + "'");
        }
        return bool;
    }

    static List<String> texts(Map<String, Object> args, String name, String field) {
        Object value = args.get(name);
        if (!(value instanceof List<?> list) || !list.stream().allMatch(item -> item instanceof String)) {
            throw new LabException(field + "." + name, "must be a list of names, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return list.stream().map(String.class::cast).toList();
    }
}
