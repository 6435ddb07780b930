package org.vidcut.api.docs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Nullability and required fields of the record schemas, taken from the records themselves so the document cannot
 * disagree with the JSON: a component annotated with jspecify's {@code @Nullable} may be {@code null}, and every
 * other component of a response record is always present (the api writes null fields too), hence required.
 * Request records keep what their {@code @Schema} annotations say is required, and are closed to unknown fields
 * unless they ignore them ({@code @JsonIgnoreProperties(ignoreUnknown = true)}, the compatibility APIs).
 */
@Configuration(proxyBeanMethods = false)
class RecordSchemas {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Bean
    GlobalOpenApiCustomizer recordNullability(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            var responses = new HashMap<String, Class<?>>();
            var requests = new HashMap<String, Class<?>>();
            mappings.orderedStream()
                    .flatMap(mapping -> mapping.getHandlerMethods().values().stream())
                    .forEach(handler -> {
                        collect(ResolvableType.forMethodReturnType(handler.getMethod()), responses);
                        for (var parameter : handler.getMethodParameters()) {
                            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                                collect(ResolvableType.forMethodParameter(parameter), requests);
                            }
                        }
                    });
            var schemas = openApi.getComponents().getSchemas();
            schemas.forEach((name, schema) -> {
                var response = responses.get(name);
                var request = requests.get(name);
                if (response != null) {
                    describe(schema, response, true, schemas);
                } else if (request != null) {
                    describe(schema, request, false, schemas);
                }
            });
        };
    }

    /** Every record reachable from {@code type}, by its simple name (springdoc's schema name). */
    private static void collect(ResolvableType type, Map<String, Class<?>> found) {
        var seen = new HashSet<Class<?>>();
        var pending = new ArrayList<ResolvableType>(List.of(type));
        while (!pending.isEmpty()) {
            var next = pending.remove(pending.size() - 1);
            var raw = next.resolve();
            if (raw == null || !seen.add(raw)) {
                continue;
            }
            pending.addAll(List.of(next.getGenerics()));
            if (raw.isArray()) {
                pending.add(next.getComponentType());
            }
            if (raw.isRecord()) {
                var other = found.putIfAbsent(raw.getSimpleName(), raw);
                if (other != null && other != raw) {
                    // springdoc names schemas by simple name: two records would share (and garble) one schema
                    throw new IllegalStateException(
                            "two API records are named " + raw.getSimpleName() + ": " + other + ", " + raw);
                }
                for (var component : raw.getRecordComponents()) {
                    pending.add(ResolvableType.forMethodReturnType(component.getAccessor()));
                }
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Schema<?> schema, Class<?> record, boolean response, Map<String, Schema> components) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        var required = new LinkedHashSet<String>(schema.getRequired() == null ? List.of() : schema.getRequired());
        for (var component : record.getRecordComponents()) {
            var name = jsonName(component);
            var property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (property.getOneOf() != null && "object".equals(property.getType())) {
                // an untyped value with its alternatives (number or string): "object" would forbid both
                property.setType(null);
            }
            if (isNullable(component)) {
                properties.put(name, nullable(property, components));
            }
            if (response) {
                required.add(name);
            }
        }
        schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        var lenient = record.getAnnotation(JsonIgnoreProperties.class);
        if (!response && (lenient == null || !lenient.ignoreUnknown())) {
            // the api refuses unknown fields in request bodies (422 naming the field)
            schema.setAdditionalProperties(false);
        }
    }

    private static boolean isNullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.isAnnotationPresent(Nullable.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property, Map<String, Schema> components) {
        if (property.get$ref() != null) {
            // OpenAPI 3.0 ignores siblings of a $ref, and validators read no nullable on an allOf wrapper: the
            // referenced object itself says it may be null (such objects are only ever optional results)
            var referenced = components.get(
                    property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
            if (referenced != null) {
                referenced.setNullable(true);
            }
            return property;
        }
        property.setNullable(true);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }

    private static String jsonName(RecordComponent component) {
        var explicit = component.getAnnotation(JsonProperty.class);
        if (explicit == null && component.getAccessor().getAnnotation(JsonProperty.class) != null) {
            explicit = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        return SNAKE_CASE.translate(component.getName());
    }
}
