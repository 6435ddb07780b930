package org.vidcut.api.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vidcut.support.storage.StorageUnavailable;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a request into {@code application/problem+json} with an {@code error} field. Spring
 * MVC's own exceptions go through {@link ResponseEntityExceptionHandler}, whose bodies are rewritten in
 * {@link #handleExceptionInternal} so that they all carry the same fields.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ObjectProvider<ErrorDialect> dialects;

    ApiExceptionHandler(ObjectProvider<ErrorDialect> dialects) {
        this.dialects = dialects;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        if (problem.status().is5xxServerError()) {
            // A dependency that is down fails every request the same way: one line each, not a stack trace.
            log.warn(
                    "{}: {} ({})",
                    problem.getClass().getSimpleName(),
                    problem.getMessage(),
                    String.valueOf(problem.getCause()));
        }
        var headers = new HttpHeaders();
        headers.addAll(problem.headers());
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer(problem.status(), problem.getMessage(), headers);
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        MongoTimeoutException.class,
        MongoSocketException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("database unavailable: {}", e.toString());
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE, "the database is unavailable, try again later", new HttpHeaders());
    }

    @ExceptionHandler({AmqpConnectException.class, AmqpIOException.class, AmqpTimeoutException.class})
    ResponseEntity<ProblemDetail> brokerUnavailable(Exception e) {
        log.warn("message broker unavailable: {}", e.toString());
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the message broker is unavailable, try again later",
                new HttpHeaders());
    }

    @ExceptionHandler(StorageUnavailable.class)
    ResponseEntity<ProblemDetail> storageUnavailable(StorageUnavailable e) {
        log.warn("object storage unavailable: {}", e.getMessage());
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE, "object storage is unavailable, try again later", new HttpHeaders());
    }

    /** Covers a request that is not multipart at all, or whose multipart body cannot be parsed. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, tooLargeMessage(tooLarge), new HttpHeaders());
        }
        return answer(
                HttpStatus.BAD_REQUEST, "the request is not a readable multipart/form-data upload", new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var details = e.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? field.getField() + ": " + field.getDefaultMessage()
                        : error.getObjectName() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(e, HttpStatus.UNPROCESSABLE_CONTENT, "invalid request: " + details, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var details = new LinkedHashSet<String>();
        for (var result : e.getParameterValidationResults()) {
            var name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                details.add(name + ": " + error.getDefaultMessage());
            }
        }
        return problem(e, HttpStatus.UNPROCESSABLE_CONTENT, "invalid request: " + String.join("; ", details), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonBodyTooLarge tooLarge) {
                return problem(e, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), headers);
            }
        }
        if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
            // A misspelt or unsupported field silently ignored would run a task nobody asked for.
            var known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : "; known fields: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
            return problem(
                    e,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "unknown field '" + unknown.getPropertyName() + "'" + known,
                    headers);
        }
        return problem(e, HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this endpoint", headers);
    }

    /** Names what was sent and what the endpoint takes, instead of the bare reason phrase. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var sent = e.getContentType() == null
                ? "a request without Content-Type"
                : "Content-Type " + e.getContentType().getType() + "/"
                        + e.getContentType().getSubtype();
        var supported = e.getSupportedMediaTypes().stream()
                .filter(type -> !type.isWildcardType() && !type.getSubtype().contains("*"))
                .map(type -> type.getType() + "/" + type.getSubtype())
                .distinct()
                .collect(Collectors.joining(" or "));
        var error = sent + " is not supported here" + (supported.isEmpty() ? "" : "; send " + supported);
        if (!e.getSupportedMediaTypes().isEmpty()) {
            headers.setAccept(e.getSupportedMediaTypes());
        }
        return problem(e, HttpStatus.UNSUPPORTED_MEDIA_TYPE, error, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name = e.getPropertyName() == null ? "a parameter" : e.getPropertyName();
        return problem(e, HttpStatus.BAD_REQUEST, name + " has an invalid value", headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                e, HttpStatus.BAD_REQUEST, "the multipart part '" + e.getRequestPartName() + "' is missing", headers);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(e, HttpStatus.CONTENT_TOO_LARGE, tooLargeMessage(e), headers);
    }

    /** Every Spring MVC exception ends here: make its body the same problem shape as ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String error = body instanceof ProblemDetail detail && detail.getDetail() != null
                ? detail.getDetail()
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        if (status.is5xxServerError()) {
            log.error("request failed", e);
        }
        return problem(e, status, error, headers);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatusCode status, String error, HttpHeaders headers) {
        var response = answer(status, error, headers);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(response.getBody());
    }

    /** The problem response, in the error dialect of the routes the current request belongs to, if any. */
    private ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String error, HttpHeaders headers) {
        var dialect = CurrentRequest.path()
                .flatMap(path -> dialects.orderedStream()
                        .filter(candidate -> candidate.covers(path))
                        .findFirst());
        if (dialect.isEmpty()) {
            return Problems.response(status, error, headers);
        }
        var spoken = dialect.get().status(status);
        return ResponseEntity.status(spoken)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Problems.problem(spoken, error));
    }

    private static String tooLargeMessage(MaxUploadSizeExceededException e) {
        return e.getMaxUploadSize() > 0
                ? "the upload is larger than the limit of " + e.getMaxUploadSize() + " bytes"
                : "the upload is larger than the limit";
    }
}
