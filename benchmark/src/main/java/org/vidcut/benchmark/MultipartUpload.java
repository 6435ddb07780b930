package org.vidcut.benchmark;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The 1 GiB file through {@code POST /v1/videos} (multipart) against a direct put to the same store: throughput in
 * timed runs, then the standalone JVM's live heap growth in one more run of each, sampled with full GCs.
 */
final class MultipartUpload implements Measurement {

    @Override
    public String row() {
        return "upload";
    }

    @Override
    public void measure(Session session) throws Exception {
        var file = session.media().oneGigabyte();
        var api = session.api();
        var spy = session.spy();
        var direct = new DirectPut(session.standalone());
        var heap = new HeapProbe(session.pid());
        int runs = session.settings().uploadRuns();
        long size = Files.size(file);
        var apiSeconds = new ArrayList<Double>();
        var directSeconds = new ArrayList<Double>();
        long apiCommitted = Long.MIN_VALUE;
        long directCommitted = Long.MIN_VALUE;
        var timing = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            Console.step("1 GiB upload %d/%d: direct S3 put, then POST /v1/videos", i + 1, runs);
            var before = heap.collectAndSnapshot();
            try (var sampler = heap.sample()) {
                directSeconds.add(direct.put(file, "benchmark/direct-put-" + i));
                directCommitted = Math.max(directCommitted, grownBy(heap, sampler, before));
            }
            before = heap.collectAndSnapshot();
            int spyMark = spy.mark();
            String videoId;
            double postedAt;
            try (var sampler = heap.sample()) {
                postedAt = System.currentTimeMillis() / 1000.0;
                long start = System.nanoTime();
                videoId = api.upload(file).get("id").asText();
                apiSeconds.add((System.nanoTime() - start) / 1e9);
                apiCommitted = Math.max(apiCommitted, grownBy(heap, sampler, before));
            }
            api.deleteVideo(videoId);
            var probes = spy.runsSince(spyMark).stream()
                    .filter(r -> r.tool().equals("ffprobe"))
                    .toList();
            timing.append(String.format(
                    Locale.ROOT,
                    " run %d: direct put %.1f s, POST /v1/videos %.1f s (receiving, parsing and storing until the"
                            + " api's ffprobe starts %s, ffprobe %s);",
                    i + 1,
                    directSeconds.get(i),
                    apiSeconds.get(i),
                    Format.seconds(probes.stream()
                                    .mapToDouble(FfmpegSpy.Run::startEpochSeconds)
                                    .min()
                                    .orElse(postedAt)
                            - postedAt),
                    Format.seconds(
                            probes.stream().mapToDouble(FfmpegSpy.Run::seconds).sum())));
        }

        Console.step("1 GiB upload, heap run: live heap sampled with full GCs about every second");
        long baseline = heap.liveBytes();
        var directLive = new LiveHeap(heap);
        try (directLive) {
            direct.put(file, "benchmark/direct-put-heap");
        }
        String videoId;
        var apiLive = new LiveHeap(heap);
        try (apiLive) {
            videoId = api.upload(file).get("id").asText();
        }
        api.deleteVideo(videoId);
        long after = heap.liveBytes();
        long apiGrowth = apiLive.max() - baseline;
        long directGrowth = directLive.max() - baseline;

        var report = session.report();
        double apiRate = size / Format.median(apiSeconds) / Format.MB;
        double directRate = size / Format.median(directSeconds) / Format.MB;
        report.row(
                "upload 1 GiB through POST /v1/videos: throughput",
                String.format(Locale.ROOT, "%.0f MB/s (%.1f s)", apiRate, Format.median(apiSeconds)),
                String.format(
                        Locale.ROOT, "direct S3 put %.0f MB/s (%.1f s)", directRate, Format.median(directSeconds)),
                "≥ 70 % of direct",
                Report.Outcome.of(
                        apiRate >= 0.7 * directRate,
                        String.format(Locale.ROOT, "%.0f %%", 100 * apiRate / directRate)));
        report.row(
                "upload 1 GiB: live heap growth of the standalone JVM during the upload",
                "+" + Format.megabytes(apiGrowth),
                "direct put into the same JVM's S3 stand-in +" + Format.megabytes(directGrowth),
                Target.atMost(64, "MB"),
                apiGrowth / Format.MB);
        report.detail(
                "1 GiB upload (%d bytes), timed runs without heap sampling:%s heap run: live heap (GC.class_histogram"
                        + " totals) before %s, during the direct put %s samples max %s, during POST /v1/videos %s samples"
                        + " max %s, after %s; committed heap grew by up to %s (direct put) and %s (POST /v1/videos) in"
                        + " the timed runs (default heap settings: G1 grows the heap under allocation pressure, the"
                        + " growth is garbage, not retained)",
                size,
                timing,
                Format.megabytes(baseline),
                directLive.samples(),
                Format.megabytes(directLive.max()),
                apiLive.samples(),
                Format.megabytes(apiLive.max()),
                Format.megabytes(after),
                Format.megabytes(directCommitted),
                Format.megabytes(apiCommitted));
    }

    private static long grownBy(HeapProbe heap, HeapProbe.Sampler sampler, HeapProbe.Heap before) {
        return Math.max(sampler.peakCommittedBytes(), heap.snapshot().committedBytes()) - before.committedBytes();
    }
}
