package org.vidcut.worker.conversion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vidcut.worker.storage.ObjectStore;
import org.vidcut.worker.storage.SourceObjectMissing;

/** Objects as files under one directory; ffmpeg reads them by path. Remembers content types of stored results. */
final class LocalObjectStore implements ObjectStore {

    private final Path root;
    final Map<String, String> contentTypes = new ConcurrentHashMap<>();

    LocalObjectStore(Path root) {
        this.root = root;
    }

    Path path(String objectKey) {
        return root.resolve(objectKey);
    }

    @Override
    public String readableLocation(String objectKey, Duration validFor) {
        var file = path(objectKey);
        if (!Files.exists(file)) {
            throw new SourceObjectMissing(objectKey);
        }
        return file.toString();
    }

    @Override
    public void store(String objectKey, Path file, String contentType) {
        try {
            var target = path(objectKey);
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            contentTypes.put(objectKey, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
