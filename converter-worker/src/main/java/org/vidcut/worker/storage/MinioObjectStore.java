package org.vidcut.worker.storage;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** {@link ObjectStore} on S3/MinIO through the MinIO client. */
@Component
class MinioObjectStore implements ObjectStore {

    private static final Set<String> MISSING_CODES = Set.of("NoSuchKey", "NoSuchObject", "NoSuchBucket");
    /** S3 refuses presigned URLs valid for longer than 7 days. */
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final MinioClient client;
    private final StorageProperties properties;

    MinioObjectStore(MinioClient client, StorageProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public String readableLocation(String objectKey, Duration validFor) {
        // A stat first: ffmpeg would report a missing object or an unreachable store as an unreadable input,
        // and those two must be told apart (final versus transient).
        try {
            client.statObject(StatObjectArgs.builder()
                    .bucket(properties.bucket())
                    .object(objectKey)
                    .build());
        } catch (ErrorResponseException e) {
            if (MISSING_CODES.contains(e.errorResponse().code())) {
                throw new SourceObjectMissing(objectKey);
            }
            throw new StorageUnavailable(
                    "object store refused to read the source: "
                            + e.errorResponse().code(),
                    e);
        } catch (Exception e) {
            throw new StorageUnavailable(
                    "object store unreachable: " + e.getClass().getSimpleName(), e);
        }
        var seconds = (int) Math.min(validFor.toSeconds(), MAX_PRESIGN.toSeconds());
        try {
            return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(properties.bucket())
                    .object(objectKey)
                    .expiry(Math.max(seconds, 1), TimeUnit.SECONDS)
                    .build());
        } catch (Exception e) {
            throw new StorageUnavailable(
                    "could not sign a source URL: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void store(String objectKey, Path file, String contentType) {
        try {
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(properties.bucket())
                    .object(objectKey)
                    .filename(file.toString(), properties.partSize().toBytes())
                    .contentType(contentType)
                    .build());
        } catch (ErrorResponseException e) {
            throw new StorageUnavailable(
                    "object store refused the result: " + e.errorResponse().code(), e);
        } catch (Exception e) {
            throw new StorageUnavailable(
                    "could not upload the result: " + e.getClass().getSimpleName(), e);
        }
    }
}
