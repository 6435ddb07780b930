package org.vidcut.api.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.MultipartStore;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.api.storage.StoredPart;
import org.vidcut.api.video.VideoView;
import org.vidcut.api.video.Videos;

/** Starts, inspects, completes and aborts the caller's direct uploads. */
@Service
class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    /** Long enough for joining the parts and probing the result; a replica that dies frees the upload after it. */
    static final Duration LEASE = Duration.ofMinutes(10);

    static final int MAX_PARTS = 10_000;

    private final UploadRecords uploads;
    private final MultipartStore multipart;
    private final ObjectStore objects;
    private final Videos videos;
    private final UserLimits limits;
    private final DirectUploadProperties properties;
    private final Clock clock;

    UploadService(
            UploadRecords uploads,
            MultipartStore multipart,
            ObjectStore objects,
            Videos videos,
            UserLimits limits,
            DirectUploadProperties properties,
            ObjectProvider<Clock> clock) {
        this.uploads = uploads;
        this.multipart = multipart;
        this.objects = objects;
        this.videos = videos;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    NewUpload start(String ownerId, CreateUploadRequest request) {
        var filename = request.filename();
        if (filename == null || filename.isBlank()) {
            throw new InvalidUploadRequest("filename", "is required");
        }
        if (filename.length() > 255) {
            throw new InvalidUploadRequest("filename", "must be at most 255 characters");
        }
        var size = request.size();
        if (size == null || size < 1) {
            throw new InvalidUploadRequest("size", "is required and must be at least 1 byte");
        }
        long max = videos.maxUploadSize().toBytes();
        if (size > max) {
            throw new DeclaredSizeTooLarge(max);
        }
        limits.admitStorage(ownerId, size);
        var now = clock.instant();
        var videoId = new ObjectId().toHexString();
        var key = videos.objectKey(ownerId, videoId);
        var upload = uploads.insert(new UploadDocument(
                new ObjectId().toHexString(),
                ownerId,
                videoId,
                key,
                multipart.start(key),
                filename,
                size,
                partSize(size),
                UploadState.OPEN,
                now,
                now.plus(properties.expiry()),
                Instant.EPOCH,
                false));
        var links = new ArrayList<NewUpload.PartLink>();
        for (int number = 1; number <= upload.partCount(); number++) {
            links.add(new NewUpload.PartLink(
                    number, multipart.presignedPartUpload(key, upload.storeUploadId(), number, properties.expiry())));
        }
        return new NewUpload(upload.id(), upload.partSize(), links, upload.expiresAt());
    }

    /** S3 joins at most 10,000 parts: a file beyond that many configured parts gets larger ones (whole MiB). */
    private long partSize(long size) {
        long configured = properties.partSize().toBytes();
        long mib = 1024 * 1024;
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(configured, (needed + mib - 1) / mib * mib);
    }

    UploadStatus status(String ownerId, String id) {
        var upload = find(ownerId, id);
        var parts = upload.partsRemoved()
                ? List.<StoredPart>of()
                : multipart.parts(upload.objectKey(), upload.storeUploadId());
        return new UploadStatus(
                upload.id(),
                upload.filename(),
                upload.size(),
                upload.state(),
                parts.stream()
                        .map(p -> new UploadStatus.ReceivedPart(p.number(), p.size(), p.etag()))
                        .toList(),
                upload.expiresAt(),
                upload.state() == UploadState.COMPLETED ? upload.videoId() : null);
    }

    /**
     * Joins the parts and probes the result as any upload. A file that is not a usable video is deleted and the
     * upload ends aborted; missing or mis-sized parts leave it open for the client to re-send them.
     */
    VideoView complete(String ownerId, String id, @Nullable CompleteUploadRequest request) {
        var upload = find(ownerId, id);
        var now = clock.instant();
        if (upload.state() != UploadState.OPEN) {
            throw new UploadClosed(id, upload.state());
        }
        if (upload.expired(now)) {
            throw new UploadExpired(id);
        }
        var claimed =
                uploads.claimForCompletion(id, ownerId, now, now.plus(LEASE)).orElseThrow(() -> new UploadBusy(id));
        try {
            var parts = multipart.parts(claimed.objectKey(), claimed.storeUploadId());
            PartCheck.requireComplete(claimed, parts, request == null ? null : request.parts());
            multipart.complete(claimed.objectKey(), claimed.storeUploadId(), parts);
        } catch (RuntimeException e) {
            uploads.release(id);
            throw e;
        }
        try {
            var video = videos.adopt(ownerId, claimed.videoId(), claimed.filename(), claimed.size());
            uploads.markCompleted(id);
            return video;
        } catch (RuntimeException e) {
            // the parts are joined already and the refused object deleted: there is nothing left to resume
            uploads.markRemoved(id);
            throw e;
        }
    }

    void abort(String ownerId, String id) {
        var upload = find(ownerId, id);
        if (upload.state() == UploadState.COMPLETED) {
            throw new UploadClosed(id, upload.state());
        }
        if (upload.state() == UploadState.ABORTED) {
            return;
        }
        var now = clock.instant();
        var claimed = uploads.claimForAbort(id, ownerId, now, now.plus(LEASE)).orElseThrow(() -> new UploadBusy(id));
        remove(claimed);
    }

    /** Aborts the store's upload and deletes anything joined already; a failure is retried by the clean-up job. */
    void remove(UploadDocument upload) {
        multipart.abort(upload.objectKey(), upload.storeUploadId());
        // a replica that died between joining the parts and recording the video leaves the joined object
        objects.delete(upload.objectKey());
        uploads.markRemoved(upload.id());
        log.info("removed the parts of upload {}", upload.id());
    }

    private UploadDocument find(String ownerId, String id) {
        return uploads.findOwned(id, ownerId).orElseThrow(() -> new UploadNotFound(id));
    }
}
