package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** ffprobe behind a script that logs every invocation's arguments, so that a test can count the runs. */
record RecordingFfprobe(Path command, Path log) {

    static RecordingFfprobe in(Path dir) throws IOException {
        var log = dir.resolve("ffprobe-calls");
        var command = dir.resolve("ffprobe");
        Files.writeString(command, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec ffprobe \"$@\"\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
        return new RecordingFfprobe(command, log);
    }

    /** The runs whose arguments name {@code part} (e.g. the source's key), or, with {@code naming} false, the others. */
    List<String> runs(String part, boolean naming) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(call -> call.contains(part) == naming)
                .toList();
    }
}
