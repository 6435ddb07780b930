package org.vidcut.api.docs;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Collections;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Makes every MockMvc test of the api check each exchange against the OpenAPI document: listed in
 * {@code META-INF/spring/...AutoConfigureMockMvc.imports}, so {@code @WebMvcTest} and
 * {@code @AutoConfigureMockMvc} tests get it without asking, and a document that drifts from the server fails them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OpenApiValidationConfiguration {

    @Bean
    MockMvcBuilderCustomizer openApiValidation() {
        return builder -> builder.alwaysExpect(matchesOpenApi());
    }

    public static ResultMatcher matchesOpenApi() {
        return result -> {
            var request = result.getRequest();
            var path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (!OpenApiContract.covers(path) || request.isAsyncStarted() || isHidden(result.getHandler())) {
                // an async response is checked on its asyncDispatch, when its body has been written
                return;
            }
            boolean multipart = isForm(request.getContentType());
            var mismatches = OpenApiContract.committed()
                    .mismatches(request(result, path, multipart), response(result), multipart, false);
            if (!mismatches.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + path + " -> "
                        + result.getResponse().getStatus() + " does not match docs/openapi.json:\n  "
                        + String.join("\n  ", mismatches));
            }
        };
    }

    /** Routes a test declares for itself are {@code @Hidden}: not part of the API the document describes. */
    private static boolean isHidden(Object handler) {
        return handler instanceof HandlerMethod method
                && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Hidden.class);
    }

    private static Request request(MvcResult result, String path, boolean form) {
        MockHttpServletRequest request = result.getRequest();
        var builder = new SimpleRequest.Builder(request.getMethod(), path);
        for (var name : Collections.list(request.getHeaderNames())) {
            builder.withHeader(name, Collections.list(request.getHeaders(name)));
        }
        if (form) {
            // the parameters of a form body are not query parameters
            if (request.getQueryString() != null) {
                UriComponentsBuilder.fromUriString("?" + request.getQueryString())
                        .build()
                        .getQueryParams()
                        .forEach(builder::withQueryParam);
            }
        } else {
            request.getParameterMap().forEach((name, values) -> builder.withQueryParam(name, values));
            if (request.getContentAsByteArray() != null && request.getContentAsByteArray().length > 0) {
                builder.withBody(request.getContentAsByteArray());
            }
        }
        return builder.build();
    }

    private static SimpleResponse response(MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        var builder = new SimpleResponse.Builder(response.getStatus());
        for (var name : response.getHeaderNames()) {
            builder.withHeader(name, response.getHeaders(name));
        }
        if (response.getContentType() != null && response.getHeader("Content-Type") == null) {
            builder.withContentType(response.getContentType());
        }
        byte[] body = response.getContentAsByteArray();
        if (body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        var type = MediaType.parseMediaType(contentType);
        return type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)
                || type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED);
    }
}
