package fr.veza.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON bodies are read strictly: a value of the wrong JSON type is refused rather than coerced ({@code "bio": 12345},
 * {@code "amount": "100"}), a key given twice is malformed JSON, a NUL character (which PostgreSQL cannot store) is
 * refused in any string, and a date outside years 1 to 9999 is refused before it reaches the database.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    // registered last so that its date readers take precedence over the JavaTimeModule's
                    mapper.registerModule(strictValues());
                    for (CoercionInputShape shape : new CoercionInputShape[] {
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
                    }) {
                        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Float)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }

    private static SimpleModule strictValues() {
        SimpleModule module = new SimpleModule("veza-strict-values");
        module.addDeserializer(String.class, new NulFreeStrings());
        module.setDeserializerModifier(new SaneYears());
        return module;
    }

    static void requireSaneYear(JsonParser parser, int year) throws JsonMappingException {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw JsonMappingException.from(
                    parser,
                    "year out of range",
                    new IllegalArgumentException("the year must be between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
    }

    private static final class NulFreeStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw JsonMappingException.from(
                        parser, "NUL character", new IllegalArgumentException("must not contain a NUL character"));
            }
            return value;
        }
    }

    /** Wraps whatever reads a date or time (the JavaTimeModule's readers), checking the year of what it read. */
    private static final class SaneYears extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return Temporal.class.isAssignableFrom(description.getBeanClass())
                    ? new SaneYear(deserializer)
                    : deserializer;
        }
    }

    private static final class SaneYear extends DelegatingDeserializer {
        SaneYear(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new SaneYear(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof Instant instant) {
                requireSaneYear(
                        parser,
                        OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).getYear());
            } else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
                requireSaneYear(parser, temporal.get(ChronoField.YEAR));
            }
            return value;
        }
    }
}
