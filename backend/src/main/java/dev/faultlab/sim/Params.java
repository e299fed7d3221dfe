package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A protocol's parameters after checking them against its {@link ParamSpec}s: every value has its
 * declared type and range, defaults are filled in, and unknown names are refused.
 */
public final class Params {
    private final Map<String, Object> values;
    private final long seed;

    private Params(Map<String, Object> values, long seed) {
        this.values = values;
        this.seed = seed;
    }

    /**
     * Checks {@code raw} against {@code specs}; problems name the field as {@code params.<name>}.
     * {@code seed} is the recipe's, for values a protocol draws when the recipe leaves them out.
     */
    public static Params check(List<ParamSpec> specs, Map<String, Object> raw, long seed) {
        List<RecipeException.Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        // Sorted, so the problems come in the same order whatever map the recipe arrived in.
        for (String name : new TreeSet<>(raw.keySet())) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                problems.add(new RecipeException.Problem("params." + name, "is not a parameter of this protocol"));
            }
        }
        for (ParamSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.required()) {
                    problems.add(new RecipeException.Problem("params." + spec.name(), "is required"));
                } else if (spec.defaultValue() != null) {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            String problem = problemWith(spec, value);
            if (problem != null) {
                problems.add(new RecipeException.Problem("params." + spec.name(), problem));
            } else {
                values.put(spec.name(), normalize(spec, value));
            }
        }
        if (!problems.isEmpty()) {
            throw new RecipeException(problems);
        }
        return new Params(values, seed);
    }

    private static String problemWith(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case INT -> isWhole(value) ? outOfRange(spec, ((Number) value).doubleValue()) : "must be a whole number";
            case DOUBLE -> value instanceof Number n ? outOfRange(spec, n.doubleValue()) : "must be a number";
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case STRING -> value instanceof String ? null : "must be text";
            case LIST -> value instanceof List ? null : "must be a list";
            case INT_LIST -> {
                if (!(value instanceof List<?> list)) {
                    yield "must be a list of whole numbers";
                }
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    if (!isWhole(element)) {
                        yield "element " + i + " must be a whole number";
                    }
                    String range = outOfRange(spec, ((Number) element).doubleValue());
                    if (range != null) {
                        yield "element " + i + " " + range;
                    }
                }
                yield null;
            }
        };
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < Integer.MAX_VALUE);
    }

    private static String outOfRange(ParamSpec spec, double value) {
        if (Double.isNaN(value)) {
            return "must be a number, got NaN";
        }
        if (spec.min() != null && value < spec.min().doubleValue()) {
            return "must be at least " + spec.min() + ", got " + format(value);
        }
        if (spec.max() != null && value > spec.max().doubleValue()) {
            return "must be at most " + spec.max() + ", got " + format(value);
        }
        return null;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Object normalize(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case INT -> ((Number) value).intValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case INT_LIST -> ((List<?>) value).stream().map(v -> ((Number) v).intValue()).toList();
            default -> value;
        };
    }

    public int getInt(String name) {
        return (Integer) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    @SuppressWarnings("unchecked")
    public Optional<List<Integer>> getIntList(String name) {
        return Optional.ofNullable((List<Integer>) values.get(name));
    }

    public Optional<List<?>> getList(String name) {
        return Optional.ofNullable((List<?>) values.get(name));
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * Random numbers for values the protocol draws itself (e.g. initial values the recipe leaves out):
     * a fresh generator from the recipe's seed on every call, so the same recipe draws the same values.
     */
    public SplittableRandom random() {
        return new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("parameter " + name + " has no value and no default");
        }
        return value;
    }
}
