package org.vidcut.api.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.api.auth.Caller;

/**
 * The OpenAPI document at {@code /v3/api-docs}: a bearer JWT scheme (so Swagger UI's Authorize button works),
 * snake_case schemas like the JSON on the wire, and the problem+json error responses every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";
    static final String PROBLEM_SCHEMA = "Problem";

    static {
        // Caller is resolved from the token, not from the request parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI vidcutOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("vidcut API")
                        .version("v1")
                        .description("Upload videos once, then trim, resize and convert them with asynchronous"
                                + " tasks. JSON is snake_case, times are ISO-8601 UTC, every error is"
                                + " application/problem+json with an `error` field. Create a user with"
                                + " POST /v1/users, then click Authorize and paste the token.")
                        .license(new License().name("self-hosted")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                // relative: the document is right on whatever address the api is reached
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("error", new StringSchema().description("human-readable error, safe to show"));
        properties.put("status", new IntegerSchema().description("HTTP status code"));
        properties.put("title", new StringSchema().description("the status' reason phrase"));
        properties.put("detail", new StringSchema().description("same text as error"));
        properties.put("type", new StringSchema().description("about:blank"));
        properties.put("instance", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details with an extra `error` field")
                .properties(properties);
    }

    /** Schemas in snake_case, as {@code spring.jackson.property-naming-strategy} makes the wire format. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
