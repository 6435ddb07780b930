package org.vidcut.worker.conversion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.contracts.Operations;
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
    private final OutputVerifier verifier;
    private final SmartTrim smartTrim;
    private final StillFrame stillFrame;

    OutputMaker(WorkerProperties properties, FfmpegRunner runner, ConversionMetrics metrics) {
        this.properties = properties;
        this.runner = runner;
        this.metrics = metrics;
        this.verifier = new OutputVerifier(properties.ffprobePath());
        this.smartTrim = new SmartTrim(
                runner,
                new SmartTrimSteps(
                        properties.ffmpegPath(),
                        properties.ffprobePath(),
                        properties.ffmpegThreads(),
                        properties.maxOutputSize().toBytes()));
        this.stillFrame = new StillFrame(runner, properties.ffmpegPath(), properties.ffprobePath());
    }

    /** A verified result and how it was cut. */
    record Made(VerifiedOutput verified, TrimMethod method) {}

    Made make(Operations operations, String input, Path output, Duration timeout, Heartbeat heartbeat, String run) {
        var format = operations.format();
        if (format.isStill()) {
            log.info("still frame at {}s as {}", FfmpegCommand.seconds(operations.startSeconds()), format.id());
            var verified = measured(operations, () -> stillFrame.take(operations, input, output, timeout, run));
            return new Made(verified, TrimMethod.REENCODE);
        }
        var limit = properties.maxOutputSize().toBytes();
        if (properties.smartTrim() && SmartTrim.applies(operations)) {
            try {
                measured(operations, () -> {
                    smartTrim.trim(operations, input, output, timeout, run);
                    return null;
                });
                return new Made(verifier.verify(output, operations, limit), TrimMethod.SMART);
            } catch (SmartTrimRefused | OutputRejected e) {
                log.info("smart trim not used, re-encoding the range: {}", e.getMessage());
            }
        }
        var copies = FfmpegCommand.streamCopies(operations);
        var command = FfmpegCommand.builder(operations, input, output, limit, properties.ffmpegThreads());
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
        var method = copies ? TrimMethod.COPY : TrimMethod.REENCODE;
        return new Made(verifier.verify(output, operations, limit), method);
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
