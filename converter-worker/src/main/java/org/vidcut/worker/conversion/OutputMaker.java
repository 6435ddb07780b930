package org.vidcut.worker.conversion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.TrimMethod;
import org.vidcut.worker.WorkerProperties;

/**
 * Makes and verifies the result file of one job the way that fits it: a still frame, a smart trim where it applies
 * and checks out, else the one ffmpeg run of {@link FfmpegCommand} (a re-encode or a stream copy).
 */
final class OutputMaker {

    private static final Logger log = LoggerFactory.getLogger(OutputMaker.class);

    private final WorkerProperties properties;
    private final FfmpegRunner runner;
    private final ConversionMetrics metrics;
    private final MediaInspector inspector;
    private final OutputVerifier verifier;
    private final SmartTrim smartTrim;
    private final StillFrame stillFrame;

    OutputMaker(WorkerProperties properties, FfmpegRunner runner, ConversionMetrics metrics, MediaInspector inspector) {
        this.properties = properties;
        this.runner = runner;
        this.metrics = metrics;
        this.inspector = inspector;
        this.verifier = new OutputVerifier(inspector);
        this.smartTrim = new SmartTrim(
                runner,
                new SmartTrimSteps(
                        properties.ffmpegPath(),
                        properties.ffprobePath(),
                        properties.ffmpegThreads(),
                        properties.maxOutputSize().toBytes()),
                inspector);
        this.stillFrame = new StillFrame(runner, properties.ffmpegPath(), properties.ffprobePath());
    }

    /** A verified result, how it was cut, and how players show it (rotation, tracks); null for a still frame. */
    record Made(
            VerifiedOutput verified,
            TrimMethod method,
            @Nullable ProbedMedia shown) {}

    /**
     * Whether {@link #make} tries a smart trim first: the source's keyframe before the cut is then looked up only
     * if it falls back.
     */
    boolean trimsSmartly(Operations asked) {
        return properties.smartTrim() && SmartTrim.applies(asked);
    }

    Made make(
            Operations asked,
            SourceFacts source,
            String input,
            Path output,
            Duration timeout,
            Heartbeat heartbeat,
            String run) {
        var format = asked.format();
        if (format.isStill()) {
            log.info("still frame at {}s as {}", FfmpegCommand.seconds(asked.startSeconds()), format.id());
            var verified = measured(asked, () -> stillFrame.take(asked, input, output, timeout, run));
            return new Made(verified, TrimMethod.REENCODE, null);
        }
        var limit = properties.maxOutputSize().toBytes();
        var facts = source;
        if (trimsSmartly(asked)) {
            try {
                var shown = measured(asked, () -> smartTrim.trim(asked, source, input, output, timeout, run));
                return verified(output, asked, TrimMethod.SMART, shown);
            } catch (SmartTrimRefused e) {
                log.info("smart trim not used, re-encoding the range: {}", e.getMessage());
            } catch (ConversionFailed e) {
                if (e.outcome() != ConversionMetrics.Outcome.FAILED) {
                    throw e;
                }
                log.info("smart trim result rejected, re-encoding the range: {}", e.getMessage());
            }
            // the source was read without it: only the fallback needs it
            facts = inspector.withKeyframe(source, input, asked, new MediaInspector.Supervision(runner, timeout, run));
        }
        var operations = facts.startOnKeyframe(asked);
        var copies = FfmpegCommand.streamCopies(operations);
        var command = FfmpegCommand.builder(operations, facts, input, output, limit, properties.ffmpegThreads());
        log.info(
                "converting: {}s to {} ({}), limit {}s",
                FfmpegCommand.seconds(operations.outputSeconds()),
                format.id(),
                copies ? "stream copy" : "re-encode",
                timeout.toSeconds());
        measured(operations, () -> {
            runner.run(command, timeout, heartbeat, input, output, run);
            return null;
        });
        return verified(output, operations, copies ? TrimMethod.COPY : TrimMethod.REENCODE);
    }

    private Made verified(Path output, Operations operations, TrimMethod method) {
        // one ffprobe run over the result: what is checked is what is reported
        return verified(output, operations, method, inspector.describe(output.toString()));
    }

    private Made verified(Path output, Operations operations, TrimMethod method, @Nullable ProbedMedia shown) {
        var verified =
                verifier.verify(output, operations, properties.maxOutputSize().toBytes(), shown);
        return new Made(verified, method, shown);
    }

    /** Runs ffmpeg work under the conversion metrics: its time and outcome. */
    private <T> T measured(Operations operations, Supplier<T> work) {
        var started = metrics.ffmpegStarting();
        T result;
        try {
            result = work.get();
        } catch (SmartTrimRefused e) {
            // not a failed run: the range is re-encoded next, and that run is what counts
            throw e;
        } catch (RuntimeException e) {
            metrics.ffmpegEnded(started, operations.format(), ConversionMetrics.Outcome.of(e));
            throw e;
        }
        metrics.ffmpegEnded(started, operations.format(), ConversionMetrics.Outcome.SUCCESS);
        return result;
    }
}
