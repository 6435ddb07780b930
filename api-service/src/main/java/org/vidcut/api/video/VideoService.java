package org.vidcut.api.video;

import java.io.IOException;
import java.time.Clock;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.ObjectDownloads;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/** Uploads, probes, lists, serves and deletes originals, always on behalf of their owner. */
@Service
class VideoService implements OwnedVideos {

    private static final Logger log = LoggerFactory.getLogger(VideoService.class);

    private final VideoRepository videos;
    private final ObjectStore store;
    private final VideoProber prober;
    private final ApplicationEventPublisher events;
    private final UploadProperties upload;
    private final MediaProperties media;
    private final StorageProperties storage;
    private final UserLimits limits;
    private final Clock clock;

    VideoService(
            VideoRepository videos,
            ObjectStore store,
            VideoProber prober,
            ApplicationEventPublisher events,
            UploadProperties upload,
            MediaProperties media,
            StorageProperties storage,
            UserLimits limits,
            ObjectProvider<Clock> clock) {
        this.limits = limits;
        this.videos = videos;
        this.store = store;
        this.prober = prober;
        this.events = events;
        this.upload = upload;
        this.media = media;
        this.storage = storage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static String objectKey(String ownerId, String videoId) {
        return "originals/" + ownerId + "/" + videoId;
    }

    VideoView upload(String ownerId, MultipartFile file) {
        return upload(ownerId, new Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file));
    }

    VideoView upload(String ownerId, Upload file) {
        if (file.size() > upload.maxSize().toBytes()) {
            throw new UploadTooLarge(upload.maxSize());
        }
        if (file.size() == 0) {
            throw new VideoUnreadable("it is empty");
        }
        limits.admitStorage(ownerId, file.size());
        var id = new ObjectId().toHexString();
        var key = objectKey(ownerId, id);
        long size;
        try (var content = file.content().getInputStream()) {
            // typed only once probed: the client's Content-Type is never stored or served
            size = store.put(key, content, file.size(), MediaType.APPLICATION_OCTET_STREAM_VALUE)
                    .size();
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        }
        return adopt(ownerId, id, file.filename(), size);
    }

    /**
     * Probes the object stored at {@link #objectKey} (ffprobe reads it by range through a presigned link) and
     * records it as the owner's video; an object that is refused is deleted, so nothing stays stored.
     */
    VideoView adopt(String ownerId, String id, @Nullable String filename, long size) {
        var key = objectKey(ownerId, id);
        try {
            var probe = prober.probe(
                    store.presignedGetInternal(key, media.probeLinkExpiry()).toString());
            var saved = videos.save(new VideoDocument(
                    id,
                    ownerId,
                    key,
                    Filenames.sanitize(filename),
                    ContainerTypes.mediaType(probe.container(), probe.videoCodec()),
                    size,
                    probe.durationSeconds(),
                    probe.width(),
                    probe.height(),
                    probe.videoCodec(),
                    probe.audioCodec(),
                    probe.container(),
                    clock.instant()));
            return view(saved);
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
    }

    Page<VideoDocument> list(String ownerId, int page, int size) {
        return videos.findByOwnerIdOrderByCreatedAtDescIdDesc(ownerId, PageRequest.of(page, size));
    }

    VideoView get(String ownerId, String videoId) {
        return view(find(ownerId, videoId));
    }

    void delete(String ownerId, String videoId) {
        var video = find(ownerId, videoId);
        store.delete(video.objectKey());
        videos.deleteByIdAndOwnerId(video.id(), ownerId);
        events.publishEvent(new VideoDeleted(ownerId, video.id()));
    }

    ResponseEntity<StreamingResponseBody> content(String ownerId, String videoId, @Nullable String range) {
        var video = find(ownerId, videoId);
        return ObjectDownloads.stream(store, video.objectKey(), servedType(video), video.filename(), range);
    }

    @Override
    public OwnedVideo findOwned(String ownerId, String videoId) {
        return find(ownerId, videoId).owned();
    }

    VideoView view(VideoDocument video) {
        return new VideoView(
                video.id(),
                store.presignedGet(video.objectKey(), storage.presignExpiry(), servedType(video), video.filename()),
                video.createdAt(),
                video.filename(),
                video.size(),
                video.durationSeconds(),
                video.width(),
                video.height(),
                video.videoCodec(),
                video.audioCodec());
    }

    private VideoDocument find(String ownerId, String videoId) {
        return videos.findByIdAndOwnerId(videoId, ownerId).orElseThrow(() -> new VideoNotFound(videoId));
    }

    /** Videos stored before types came from the probe carry the client's type: never serve that one. */
    private static String servedType(VideoDocument video) {
        var type = video.contentType();
        return type != null && (type.startsWith("video/") || type.equals("image/gif"))
                ? type
                : MediaType.APPLICATION_OCTET_STREAM_VALUE;
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("could not remove the rejected upload {}: {}", key, e.toString());
        }
    }
}
