package org.vidcut.worker.conversion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.vidcut.worker.storage.ObjectStore;

/**
 * Serves objects over HTTP with Range support, the way ffmpeg reads a presigned S3 URL, and records where each
 * read started (bytes counts would mislead: what ffmpeg abandons may already sit in socket buffers). Locations
 * carry a fake signature so tests can check it never leaks into failure reasons.
 */
final class HttpObjectStore implements ObjectStore, AutoCloseable {

    static final String SIGNATURE = "X-Amz-Signature=0123456789abcdef";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final Path root;
    private final HttpServer server;
    /** Where each GET started reading. */
    final List<Long> readOffsets = new CopyOnWriteArrayList<>();

    HttpObjectStore(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @Override
    public String readableLocation(String objectKey, Duration validFor) {
        // no existence check here: a missing object shows up as ffmpeg's 404
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + objectKey + "?" + SIGNATURE;
    }

    @Override
    public void store(String objectKey, Path file, String contentType) {
        try {
            var target = root.resolve(objectKey);
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            var file = root.resolve(exchange.getRequestURI().getPath().substring(1));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            var size = Files.size(file);
            long start = 0;
            long end = size - 1;
            var status = 200;
            var range = exchange.getRequestHeaders().getFirst("Range");
            var matcher = range == null ? null : RANGE.matcher(range);
            if (matcher != null && matcher.matches()) {
                start = Long.parseLong(matcher.group(1));
                if (!matcher.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(matcher.group(2)));
                }
                if (start >= size) {
                    exchange.getResponseHeaders().add("Content-Range", "bytes */" + size);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + size);
            }
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            readOffsets.add(start);
            var length = end - start + 1;
            exchange.sendResponseHeaders(status, length);
            try (var in = new RandomAccessFile(file.toFile(), "r");
                    var out = exchange.getResponseBody()) {
                in.seek(start);
                var buffer = new byte[64 * 1024];
                var remaining = length;
                while (remaining > 0) {
                    var read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    remaining -= read;
                }
            } catch (IOException e) {
                // ffmpeg closes the connection when it has what it needs
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
