package dev.faultlab.key;


import java.util.List;
import java.util.Map;

/** Reads a key's arguments as lab.yaml gives them, naming the argument when one is missing or of the wrong type. */
public final class Args {
    private Args() {
    }

    public static int integer(Map<String, Object> args, String name, String field) {
        Object value = args.get(name);
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new KeyException(field + "." + name, "must be a whole number, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return number.intValue();
    }

    /** A round number, counted from 1. */
    public static int round(Map<String, Object> args, String field) {
        int round = integer(args, "round", field);
        if (round < 1) {
            throw new KeyException(field + ".round", "rounds are numbered from 1");
        }
        return round;
    }

    /** A virtual time in ticks, 0 or more. */
    public static long time(Map<String, Object> args, String field) {
        int time = integer(args, "time", field);
        if (time < 0) {
            throw new KeyException(field + ".time", "must be 0 or more ticks, got " + time);
        }
        return time;
    }

    public static boolean flag(Map<String, Object> args, String name, String field) {
        Object value = args.getOrDefault(name, false);
        if (!(value instanceof Boolean bool)) {
            throw new KeyException(field + "." + name, "must be true or false, got '" + value + "'");
        }
        return bool;
    }

    /** A non-empty list of whole numbers, each from {@code min} to {@code max}. */
    public static List<Integer> integers(Map<String, Object> args, String name, int min, int max, String field) {
        Object value = args.get(name);
        if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(item -> item instanceof Integer)) {
            throw new KeyException(field + "." + name, "must be a list of whole numbers, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        List<Integer> numbers = list.stream().map(Integer.class::cast).toList();
        for (int number : numbers) {
            if (number < min || number > max) {
                throw new KeyException(field + "." + name, "must hold numbers from " + min + " to " + max + ", got " + number);
            }
        }
        return numbers;
    }

    public static List<String> texts(Map<String, Object> args, String name, String field) {
        Object value = args.get(name);
        if (!(value instanceof List<?> list) || !list.stream().allMatch(item -> item instanceof String)) {
            throw new KeyException(field + "." + name, "must be a list of names, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return list.stream().map(String.class::cast).toList();
    }
}
