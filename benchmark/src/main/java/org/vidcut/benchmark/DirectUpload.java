package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The 1 GiB file through {@code POST /v1/uploads}: the client puts each part straight to its presigned URL, then
 * completes (the api joins the parts in the store and probes the object by range). Its baseline is the same file
 * put with the MinIO client into the same store, in the same run.
 */
final class DirectUpload implements Measurement {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Override
    public String row() {
        return "direct-upload";
    }

    @Override
    public void measure(Session session) throws Exception {
        var file = session.media().oneGigabyte();
        var api = session.api();
        var direct = new DirectPut(session.standalone());
        long size = Files.size(file);
        var uploadSeconds = new ArrayList<Double>();
        var directSeconds = new ArrayList<Double>();
        var timing = new StringBuilder();
        for (int i = 0; i < session.settings().uploadRuns(); i++) {
            Console.step(
                    "1 GiB direct upload %d/%d: S3 put, then /v1/uploads parts",
                    i + 1, session.settings().uploadRuns());
            directSeconds.add(direct.put(file, "benchmark/direct-put-" + i));
            long start = System.nanoTime();
            var upload = api.createUpload(file.getFileName().toString(), size);
            putParts(file, upload);
            double partsDone = (System.nanoTime() - start) / 1e9;
            String videoId =
                    api.completeUpload(upload.get("id").asText()).get("id").asText();
            uploadSeconds.add((System.nanoTime() - start) / 1e9);
            api.deleteVideo(videoId);
            timing.append(String.format(
                    Locale.ROOT,
                    " run %d: S3 put %.1f s, parts %.1f s + complete and probe %.1f s (%d parts of %s);",
                    i + 1,
                    directSeconds.get(i),
                    partsDone,
                    uploadSeconds.get(i) - partsDone,
                    upload.get("parts").size(),
                    Format.megabytes(upload.get("part_size").asDouble())));
        }
        double uploadRate = size / Format.median(uploadSeconds) / Format.MB;
        double directRate = size / Format.median(directSeconds) / Format.MB;
        session.report()
                .row(
                        "upload 1 GiB through /v1/uploads (presigned parts + complete): throughput",
                        String.format(Locale.ROOT, "%.0f MB/s (%.1f s)", uploadRate, Format.median(uploadSeconds)),
                        String.format(
                                Locale.ROOT,
                                "direct S3 put %.0f MB/s (%.1f s)",
                                directRate,
                                Format.median(directSeconds)),
                        "≥ 95 % of direct",
                        Report.Outcome.of(
                                uploadRate >= 0.95 * directRate,
                                String.format(Locale.ROOT, "%.0f %%", 100 * uploadRate / directRate)));
        session.report().detail("1 GiB direct upload (%d bytes):%s", size, timing);
    }

    /** One part after the other, as the MinIO client's put does, each read into memory and sent to its URL. */
    private void putParts(Path file, JsonNode upload) throws IOException, InterruptedException {
        long partSize = upload.get("part_size").asLong();
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            for (var part : upload.get("parts")) {
                long offset = (part.get("number").asLong() - 1) * partSize;
                var bytes = new byte[(int) Math.min(partSize, in.length() - offset)];
                in.seek(offset);
                in.readFully(bytes);
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(part.get("url").asText()))
                                .timeout(Duration.ofMinutes(2))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "part " + part.get("number") + " answered " + response.statusCode());
                }
            }
        }
    }
}
