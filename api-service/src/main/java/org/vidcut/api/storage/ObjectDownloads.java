package org.vidcut.api.storage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.web.Problems;
import org.vidcut.support.storage.StorageUnavailable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a stored object over HTTP with single-range support (RFC 9110), streaming from the store.
 *
 * <p>The body is a {@link StreamingResponseBody} rather than a {@code Resource}: Spring MVC would otherwise
 * apply its own range logic to a 200 response, which needs the content length of the resource and for an
 * input stream reads it whole. Controllers should return {@link #stream}. In MockMvc tests the body is written asynchronously: use
 * {@code asyncDispatch(result)} after {@code request().asyncStarted()}.
 */
public final class ObjectDownloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ObjectDownloads() {}

    /**
     * @param rangeHeader the request's {@code Range} header; a malformed one or several ranges are ignored
     *     (a full 200, as RFC 9110 allows), a range starting beyond the end is a 416
     * @throws StoredObjectMissing when the object does not exist
     * @throws StorageUnavailable when the store cannot be reached
     */
    public static ResponseEntity<?> serve(
            ObjectStore store, String key, String contentType, String downloadFilename, @Nullable String rangeHeader) {
        var object = store.stat(key).orElseThrow(() -> new StoredObjectMissing(key));
        long size = object.size();
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");

        var range = ByteRange.parse(rangeHeader, size);
        if (range == ByteRange.UNSATISFIABLE) {
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            return Problems.response(
                    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range not satisfiable: the content has " + size + " bytes",
                    headers);
        }

        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(downloadFilename, StandardCharsets.UTF_8)
                .build());
        headers.setContentType(mediaType(contentType));
        if (range == null) {
            headers.setContentLength(size);
            return ResponseEntity.ok().headers(headers).body(copying(store.read(key, 0, null)));
        }
        headers.setContentLength(range.length());
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
        return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
                .headers(headers)
                .body(copying(store.read(key, range.first(), range.length())));
    }

    /**
     * Like {@link #serve} but typed for a controller method declared as {@code ResponseEntity<StreamingResponseBody>}:
     * Spring MVC picks its streaming return value handler by the declared type, so a {@code ResponseEntity<?>}
     * carrying a stream fails with "no converter". The 416 problem body is written as a stream too.
     */
    public static ResponseEntity<StreamingResponseBody> stream(
            ObjectStore store, String key, String contentType, String downloadFilename, @Nullable String rangeHeader) {
        var response = serve(store, key, contentType, downloadFilename, rangeHeader);
        if (response.getBody() instanceof StreamingResponseBody body) {
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .body(body);
        }
        var problem = (ProblemDetail) response.getBody();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("type", String.valueOf(problem.getType()));
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put(Problems.ERROR_FIELD, problem.getDetail());
        byte[] json = JSON.writeValueAsBytes(fields);
        var headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setContentLength(json.length);
        return ResponseEntity.status(response.getStatusCode()).headers(headers).body(out -> out.write(json));
    }

    // The stream is opened before the response starts so that an unreachable store is still a clean 503.
    private static StreamingResponseBody copying(InputStream content) {
        return out -> {
            try (content) {
                content.transferTo(out);
            }
        };
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** An inclusive byte range already clamped to the object size. */
    record ByteRange(long first, long last) {

        static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

        long length() {
            return last - first + 1;
        }

        /** Null means "serve everything": no header, an unsupported unit, several ranges or bad syntax. */
        static @Nullable ByteRange parse(@Nullable String header, long size) {
            if (header == null) {
                return null;
            }
            var value = header.trim();
            if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
                return null;
            }
            var spec = value.substring("bytes=".length()).trim();
            if (spec.contains(",")) {
                return null;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            var start = spec.substring(0, dash).trim();
            var end = spec.substring(dash + 1).trim();
            try {
                if (start.isEmpty()) {
                    if (!digits(end)) {
                        return null;
                    }
                    long suffix = Long.parseLong(end);
                    if (suffix == 0 || size == 0) {
                        return UNSATISFIABLE;
                    }
                    return new ByteRange(Math.max(0, size - suffix), size - 1);
                }
                if (!digits(start) || (!end.isEmpty() && !digits(end))) {
                    return null;
                }
                long first = Long.parseLong(start);
                Long last = end.isEmpty() ? null : Long.parseLong(end);
                if (last != null && last < first) {
                    return null;
                }
                if (first >= size) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(first, last == null ? size - 1 : Math.min(last, size - 1));
            } catch (NumberFormatException tooLarge) {
                // a position that does not fit in a long is certainly past the end
                return start.isEmpty() && size > 0 ? new ByteRange(0, size - 1) : UNSATISFIABLE;
            }
        }

        private static boolean digits(String s) {
            return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }
    }
}
