package dev.faultlab.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.NetworkSpec;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lets a recipe leave out what has an obvious value, as people write it (docs/API.md): a delay's {@code max} and
 * {@code mean} follow from its kind and {@code min}, a network's {@code loss} and {@code duplication} are 0 and
 * {@code fifo} is true, and every budget left out keeps its default (the server's caps still apply). Anything
 * given is read as before, with the same checks.
 */
final class RecipeShortForm extends SimpleModule {
    private static final Map<Class<?>, Consumer<ObjectNode>> DEFAULTS = Map.of(
            Budgets.class, RecipeShortForm::budgets,
            NetworkSpec.class, RecipeShortForm::network,
            Delay.class, RecipeShortForm::delay);
    private static final ObjectNode DEFAULT_BUDGETS = new ObjectMapper().valueToTree(Budgets.defaults());

    RecipeShortForm() {
        super("recipe-short-form");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Consumer<ObjectNode> fill = DEFAULTS.get(description.getBeanClass());
                return fill == null ? deserializer : new Filling(deserializer, fill);
            }
        });
    }

    private static void budgets(ObjectNode budgets) {
        DEFAULT_BUDGETS.properties().forEach(field -> budgets.putIfAbsent(field.getKey(), field.getValue()));
    }

    private static void network(ObjectNode network) {
        network.putIfAbsent("loss", network.numberNode(0.0));
        network.putIfAbsent("duplication", network.numberNode(0.0));
        network.putIfAbsent("fifo", network.booleanNode(true));
    }

    /** The values Delay.constant, Delay.uniform and Delay.exponential give; an exponential delay needs its mean. */
    private static void delay(ObjectNode delay) {
        String kind = delay.path("kind").asText("");
        if (kind.equals("exponential")) {
            delay.putIfAbsent("min", delay.numberNode(1L));
            delay.putIfAbsent("max", delay.numberNode(Long.MAX_VALUE));
            return;
        }
        delay.putIfAbsent("min", delay.numberNode(1L));
        JsonNode min = delay.get("min");
        if (!min.canConvertToLong()) {
            return;
        }
        delay.putIfAbsent("max", min);
        JsonNode max = delay.get("max");
        if (max.canConvertToLong()) {
            delay.putIfAbsent("mean", delay.numberNode((min.asLong() + max.asLong()) / 2.0));
        }
    }

    /** Reads the object, fills in what it leaves out, and hands it to the usual deserializer. */
    private static final class Filling extends DelegatingDeserializer {
        private final Consumer<ObjectNode> fill;

        Filling(JsonDeserializer<?> delegate, Consumer<ObjectNode> fill) {
            super(delegate);
            this.fill = fill;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Filling(newDelegatee, fill);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            if (node instanceof ObjectNode object) {
                fill.accept(object);
            }
            JsonParser filled = node.traverse(parser.getCodec());
            filled.nextToken();
            return _delegatee.deserialize(filled, context);
        }
    }
}
