package dev.faultlab.sim;

/**
 * One parameter a protocol accepts, described as data so a browser can build a form for it.
 *
 * @param name         key in {@link Recipe#params()}
 * @param type         its type
 * @param min          smallest allowed number (for INT, DOUBLE, and each element of INT_LIST), or null
 * @param max          largest allowed number, or null
 * @param defaultValue the value when the recipe leaves it out; null means "derived" (see description) or required
 * @param required     whether a recipe must give it
 * @param description  what it means, for a person
 */
public record ParamSpec(String name, ParamType type, Number min, Number max, Object defaultValue, boolean required,
                        String description) {

    public enum ParamType { INT, DOUBLE, BOOLEAN, STRING, INT_LIST, LIST }

    public static ParamSpec integer(String name, int min, int max, Integer defaultValue, String description) {
        return new ParamSpec(name, ParamType.INT, min, max, defaultValue, false, description);
    }

    public static ParamSpec intList(String name, int min, int max, String description) {
        return new ParamSpec(name, ParamType.INT_LIST, min, max, null, false, description);
    }

    public static ParamSpec list(String name, String description) {
        return new ParamSpec(name, ParamType.LIST, null, null, null, false, description);
    }

    public static ParamSpec decimal(String name, double min, double max, Double defaultValue, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, min, max, defaultValue, false, description);
    }

    public static ParamSpec text(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.STRING, null, null, defaultValue, false, description);
    }

    public static ParamSpec flag(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, null, null, defaultValue, false, description);
    }
}
