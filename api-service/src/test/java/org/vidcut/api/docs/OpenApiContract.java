package org.vidcut.api.docs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Checks HTTP exchanges against an OpenAPI document with Atlassian's OpenAPI request validator. A response must
 * always match; a request must match when the server accepted it (2xx), because refusing a request the document
 * also forbids is agreement, not drift. Only API routes are checked (not actuator or the docs themselves).
 */
public final class OpenApiContract {

    private static OpenApiContract committed;

    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
    }

    public static OpenApiContract of(String document) {
        return new OpenApiContract(document);
    }

    /** The committed {@code docs/openapi.json}, which {@link PostmanCollectionTest} keeps equal to the served one. */
    public static synchronized OpenApiContract committed() {
        if (committed == null) {
            try {
                committed = of(Files.readString(ApiDocuments.OPENAPI));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return committed;
    }

    /** Whether requests to this path are API calls the document must describe. */
    public static boolean covers(String path) {
        return path.startsWith("/v1/") || path.startsWith("/api/") || path.equals("/file") || path.startsWith("/file/");
    }

    /**
     * @param bodyUnseen the request body could not be handed to the validator (e.g. multipart), so body checks of
     *     the request are skipped
     * @param responseBodyUnseen the response body was not kept (a download written to a file)
     * @return every mismatch, empty when the exchange is what the document says
     */
    public List<String> mismatches(Request request, Response response, boolean bodyUnseen, boolean responseBodyUnseen) {
        boolean accepted = response.getStatus() / 100 == 2;
        return validator.validate(request, response).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().startsWith("validation.request.")
                        || (accepted && !(bodyUnseen && message.getKey().startsWith("validation.request.body"))))
                .filter(message -> !(responseBodyUnseen && message.getKey().equals("validation.response.body.missing")))
                // an operation without a request body ignores one (a client posting {} to /cancel): no drift
                .filter(message -> !message.getKey().equals("validation.request.body.unexpected"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }
}
