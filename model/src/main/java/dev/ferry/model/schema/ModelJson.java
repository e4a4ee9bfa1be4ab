package dev.ferry.model.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads a {@link DatabaseModel} as pretty-printed JSON (the format of {@code ferry catalog --json} and of
 * catalog snapshots in a project). Record components become properties; {@link Instant}s are ISO-8601 strings;
 * derived accessors such as {@link Index#isPartial()} are not written. Unknown properties are ignored when reading so
 * that newer files stay readable.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelJson {

    private static final ObjectMapper MAPPER = createMapper();

    private ModelJson() {
    }

    /** The configured mapper (shared; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(DatabaseModel model) {
        try {
            return MAPPER.writeValueAsString(model);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the catalog model as JSON: " + e.getMessage(), e);
        }
    }

    public static void write(DatabaseModel model, Path file) throws IOException {
        Files.writeString(file, write(model));
    }

    public static DatabaseModel read(String json) {
        try {
            return MAPPER.readValue(json, DatabaseModel.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a Ferry catalog model: " + e.getOriginalMessage(), e);
        }
    }

    public static DatabaseModel read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), DatabaseModel.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a Ferry catalog model: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()), e);
        }
    }

    private static ObjectMapper createMapper() {
        SimpleModule time = new SimpleModule("ferry-instant");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return text == null ? null : Instant.parse(text);
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
                }
            }
        });
        ObjectMapper m = new ObjectMapper();
        m.registerModule(time);
        m.setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        m.setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE);
        m.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        m.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return m;
    }
}
