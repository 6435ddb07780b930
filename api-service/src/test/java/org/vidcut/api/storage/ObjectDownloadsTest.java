package org.vidcut.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.support.storage.StorageUnavailable;

class ObjectDownloadsTest {

    private static final String KEY = "results/u1/t1/1.mp4";
    private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    ObjectDownloadsTest() {
        store.putBytes(KEY, CONTENT, "video/mp4");
    }

    private ResponseEntity<?> serve(String range) {
        return ObjectDownloads.serve(store, KEY, "video/mp4", "clip.mp4", range);
    }

    private static String body(ResponseEntity<?> response) throws IOException {
        var out = new ByteArrayOutputStream();
        ((StreamingResponseBody) response.getBody()).writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void servesWholeObjectWithoutRange() throws IOException {
        var response = serve(null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentLength()).isEqualTo(10);
        assertThat(response.getHeaders().getFirst(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("video/mp4"));
        assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("clip.mp4");
        assertThat(body(response)).isEqualTo("0123456789");
    }

    @Test
    void servesClosedRangeAsPartialContent() throws IOException {
        var response = serve("bytes=2-5");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 2-5/10");
        assertThat(response.getHeaders().getContentLength()).isEqualTo(4);
        assertThat(body(response)).isEqualTo("2345");
    }

    @Test
    void servesOpenEndedRangeToTheEnd() throws IOException {
        var response = serve("bytes=7-");

        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 7-9/10");
        assertThat(body(response)).isEqualTo("789");
    }

    @Test
    void servesSuffixRangeAsLastBytes() throws IOException {
        var response = serve("bytes=-3");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 7-9/10");
        assertThat(body(response)).isEqualTo("789");
    }

    @Test
    void clampsRangeEndBeyondTheObject() throws IOException {
        var response = serve("bytes=8-100");

        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 8-9/10");
        assertThat(body(response)).isEqualTo("89");
    }

    @Test
    void answersRangeStartingPastTheEndWith416() {
        var response = serve("bytes=10-");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */10");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsKey("error");
    }

    @Test
    void streamsTheUnsatisfiableRangeProblemForStreamingControllers() throws IOException {
        var response = ObjectDownloads.stream(store, KEY, "video/mp4", "clip.mp4", "bytes=20-");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */10");
        assertThat(body(response))
                .contains("\"status\":416")
                .contains("\"error\":\"range not satisfiable")
                .contains("\"title\"");
        assertThat(response.getHeaders().getContentLength())
                .isEqualTo(body(response).length());
    }

    @Test
    void streamsContentForStreamingControllers() throws IOException {
        var response = ObjectDownloads.stream(store, KEY, "video/mp4", "clip.mp4", "bytes=1-2");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
        assertThat(body(response)).isEqualTo("12");
    }

    @Test
    void answersZeroLengthSuffixWith416() {
        assertThat(serve("bytes=-0").getStatusCode()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }

    @Test
    void answersHugeStartWith416() {
        assertThat(serve("bytes=99999999999999999999-").getStatusCode())
                .isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }

    @Test
    void ignoresMalformedRange() throws IOException {
        for (var header : new String[] {"bytes=5-2", "bytes=abc", "items=0-1", "bytes=1-x", "bytes="}) {
            var response = serve(header);
            assertThat(response.getStatusCode()).as(header).isEqualTo(HttpStatus.OK);
            assertThat(body(response)).as(header).isEqualTo("0123456789");
        }
    }

    @Test
    void servesWholeObjectForMultipleRanges() throws IOException {
        var response = serve("bytes=0-1,4-5");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(response)).isEqualTo("0123456789");
    }

    @Test
    void reportsMissingObject() {
        assertThatThrownBy(() -> ObjectDownloads.serve(store, "nope", "video/mp4", "x.mp4", null))
                .isInstanceOf(StoredObjectMissing.class);
    }

    @Test
    void reportsUnavailableStoreBeforeTheResponseStarts() {
        store.goDown();

        assertThatThrownBy(() -> serve("bytes=0-1")).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void fallsBackToOctetStreamForUnparseableContentType() {
        var response = ObjectDownloads.serve(store, KEY, "not a type", "x.bin", null);

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }

    @Test
    void encodesNonAsciiFilename() {
        var response = ObjectDownloads.serve(store, KEY, "video/mp4", "vidéo été.mp4", null);

        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("vidéo été.mp4");
    }
}
