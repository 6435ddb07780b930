package org.vidcut.worker.conversion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The source's video packets around a trim, in decode order, as ffprobe lists them: enough to find the keyframes
 * a smart trim cuts at and to count the pictures of each part. Times are the container's (absolute) timestamps.
 */
record KeyframeIndex(List<Packet> packets) {

    /** Timestamps are printed to the microsecond; a start or end this close to a picture is on it. */
    static final double EPSILON = 0.0001;

    /** What to ask ffprobe for: each packet's presentation time and flags. */
    static final String ENTRIES = "packet=pts_time,flags";

    record Packet(double pts, boolean keyframe) {}

    static KeyframeIndex of(List<String> probeLines) {
        var packets = new ArrayList<Packet>();
        for (var raw : probeLines) {
            var line = CompactLine.parse(raw).orElse(null);
            if (line == null || !line.section().equals("packet")) {
                continue;
            }
            var pts = line.number("pts_time");
            if (Double.isNaN(pts)) {
                throw new SmartTrimRefused("a video packet has no timestamp");
            }
            packets.add(new Packet(pts, line.text("flags").startsWith("K")));
        }
        return new KeyframeIndex(List.copyOf(packets));
    }

    /** The packets of one stream from ffprobe's JSON ({@code packet=stream_index,pts_time,flags}). */
    static KeyframeIndex of(JsonNode probe, int stream) {
        var packets = new ArrayList<Packet>();
        for (var packet : probe.path("packets")) {
            if (packet.path("stream_index").asInt(-1) != stream) {
                continue;
            }
            var pts = packet.path("pts_time").asDouble(Double.NaN);
            if (Double.isNaN(pts)) {
                throw new SmartTrimRefused("a video packet has no timestamp");
            }
            packets.add(new Packet(pts, packet.path("flags").asString("").startsWith("K")));
        }
        return new KeyframeIndex(List.copyOf(packets));
    }

    /**
     * Where a smart trim of [{@code start}, {@code end}) cuts: the head is re-encoded from the first picture at
     * or after {@code start} up to the first keyframe in range, the middle copied up to the last keyframe in
     * range, the tail re-encoded from there to the last picture before {@code end}. When the picture at
     * {@code end} opens a closed GOP, or the stream ends before it, the last GOP is whole and copied too: no tail.
     *
     * @throws SmartTrimRefused when no whole GOP lies in range (nothing to copy) or a keyframe opens a GOP whose
     *     pictures refer to the one before it (the copied middle would start or end broken)
     */
    SmartCut cut(double start, double end) {
        var inRange = packets.stream()
                .filter(p -> p.pts() >= start - EPSILON && p.pts() < end - EPSILON)
                .sorted(Comparator.comparingDouble(Packet::pts))
                .toList();
        var keyframes = inRange.stream().filter(Packet::keyframe).toList();
        var next = packets.stream()
                .filter(p -> p.pts() >= end - EPSILON)
                .min(Comparator.comparingDouble(Packet::pts))
                .orElse(null);
        boolean wholeTail = next == null || (next.keyframe() && closed(next.pts()));
        if (keyframes.isEmpty() || (keyframes.size() < 2 && !wholeTail)) {
            throw new SmartTrimRefused("the range does not span a whole GOP");
        }
        var first = keyframes.get(0).pts();
        var last = wholeTail
                ? (next == null ? end : next.pts())
                : keyframes.get(keyframes.size() - 1).pts();
        requireClosed(first);
        if (!wholeTail) {
            requireClosed(last);
        }
        int head = (int) inRange.stream().filter(p -> p.pts() < first).count();
        int tail = (int) inRange.stream().filter(p -> p.pts() >= last).count();
        return new SmartCut(inRange.get(0).pts(), first, last, head, inRange.size() - head - tail, tail);
    }

    private void requireClosed(double keyframe) {
        if (!closed(keyframe)) {
            throw new SmartTrimRefused("the GOP at " + keyframe + " s is open");
        }
    }

    /** Not an open GOP: no picture after the keyframe in decode order is shown before it (so refers back). */
    private boolean closed(double keyframe) {
        boolean after = false;
        for (var packet : packets) {
            if (after && packet.pts() < keyframe - EPSILON) {
                return false;
            }
            after |= packet.keyframe() && Math.abs(packet.pts() - keyframe) < EPSILON;
        }
        return true;
    }

    /**
     * A planned smart trim, in the source's absolute timestamps.
     *
     * @param firstPicture the first picture shown
     * @param firstKeyframe where the copied middle begins
     * @param lastKeyframe where the copied middle ends and the tail begins; with no tail, the keyframe after the
     *     range (or the range's end where the stream ends)
     */
    record SmartCut(
            double firstPicture,
            double firstKeyframe,
            double lastKeyframe,
            int headFrames,
            int middleFrames,
            int tailFrames) {

        int frames() {
            return headFrames + middleFrames + tailFrames;
        }
    }
}
