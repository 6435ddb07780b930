package org.vidcut.api.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.vidcut.support.storage.StorageUnavailable;

/**
 * The video use cases for other features (the compatibility APIs): the same upload, probe, limits and deletion
 * as {@code /v1/videos}, owner-scoped.
 */
@Component
public class Videos {

    private final VideoService videos;
    private final UploadProperties limits;

    Videos(VideoService videos, UploadProperties limits) {
        this.videos = videos;
        this.limits = limits;
    }

    public VideoSummary upload(String ownerId, MultipartFile file) {
        return summary(videos.upload(ownerId, file));
    }

    /**
     * Uploads a request body that is the file itself. The body is spooled to a temporary file first, as the
     * servlet container does with multipart uploads, so memory stays bounded and the size is known.
     *
     * @throws UploadTooLarge as soon as the body exceeds {@code vidcut.upload.max-size}
     */
    public VideoSummary upload(
            String ownerId, InputStream body, @Nullable String contentType, @Nullable String filename) {
        Path spool = null;
        try {
            spool = Files.createTempFile("vidcut-upload-", ".bin");
            long size = spool(body, spool);
            return summary(
                    videos.upload(ownerId, new Upload(filename, contentType, size, new FileSystemResource(spool))));
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private long spool(InputStream body, Path target) throws IOException {
        long max = limits.maxSize().toBytes();
        long size = 0;
        var buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                size += read;
                if (size > max) {
                    throw new UploadTooLarge(limits.maxSize());
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    /** The largest original accepted ({@code vidcut.upload.max-size}), whatever way it arrives. */
    public DataSize maxUploadSize() {
        return limits.maxSize();
    }

    /** Where the original with this id is stored: a direct upload is joined at this key. */
    public String objectKey(String ownerId, String videoId) {
        return VideoService.objectKey(ownerId, videoId);
    }

    /**
     * Probes an object already stored at {@link #objectKey} and records it as the owner's video, as an upload
     * through {@code /v1/videos} would be.
     *
     * @throws VideoUnreadable (422) when it is not a usable video; the object is deleted then
     */
    public VideoView adopt(String ownerId, String videoId, String filename, long size) {
        return videos.adopt(ownerId, videoId, filename, size);
    }

    public VideoSummary get(String ownerId, String videoId) {
        return summary(videos.get(ownerId, videoId));
    }

    /** Removes the video with its tasks and their results. */
    public void delete(String ownerId, String videoId) {
        videos.delete(ownerId, videoId);
    }

    private static VideoSummary summary(VideoView view) {
        return new VideoSummary(view.id(), view.filename());
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
