package org.vidcut.worker.storage;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.http.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.vidcut.support.storage.StorageErrors;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/** {@link ObjectStore} on S3/MinIO through the MinIO client. */
@Component
class MinioObjectStore implements ObjectStore {

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
        } catch (Exception e) {
            if (StorageErrors.isMissing(e)) {
                throw new SourceObjectMissing(objectKey);
            }
            throw new StorageUnavailable("could not read the source", e);
        }
        var seconds = (int) Math.min(validFor.toSeconds(), StorageProperties.MAX_PRESIGN_EXPIRY.toSeconds());
        return StorageErrors.call(
                "could not sign a source URL",
                () -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Method.GET)
                        .bucket(properties.bucket())
                        .object(objectKey)
                        .expiry(Math.max(seconds, 1), TimeUnit.SECONDS)
                        .build()));
    }

    @Override
    public void store(String objectKey, Path file, String contentType) {
        StorageErrors.call(
                "could not upload the result",
                () -> client.uploadObject(UploadObjectArgs.builder()
                        .bucket(properties.bucket())
                        .object(objectKey)
                        .filename(file.toString(), properties.partSize().toBytes())
                        .contentType(contentType)
                        .build()));
    }
}
