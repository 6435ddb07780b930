package org.vidcut.api.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.http.Method;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.vidcut.support.storage.StorageErrors;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/**
 * The object store on MinIO (or any S3). Links for clients are signed by a second client configured with the
 * public address: signing is local, so that client never connects anywhere.
 */
class MinioObjectStore implements ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(MinioObjectStore.class);

    private final MinioClient internal;
    private final MinioClient publicSigner;
    private final String bucket;
    private final String region;
    private final long partSize;
    private volatile boolean bucketReady;

    MinioObjectStore(MinioClient internal, MinioClient publicSigner, StorageProperties properties) {
        this.internal = internal;
        this.publicSigner = publicSigner;
        this.bucket = properties.bucket();
        this.region = properties.region();
        this.partSize = properties.partSize().toBytes();
    }

    /** Creates the bucket unless it exists; idempotent and cheap once it succeeded. */
    void ensureBucket() {
        if (bucketReady) {
            return;
        }
        call(() -> {
            synchronized (this) {
                if (!bucketReady) {
                    if (!internal.bucketExists(
                            BucketExistsArgs.builder().bucket(bucket).build())) {
                        internal.makeBucket(MakeBucketArgs.builder()
                                .bucket(bucket)
                                .region(region)
                                .build());
                        log.info("created bucket {}", bucket);
                    }
                    bucketReady = true;
                }
            }
            return null;
        });
    }

    boolean bucketExists() {
        return call(() ->
                internal.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    @Override
    public StoredObject put(String key, InputStream content, long size, String contentType) {
        ensureBucket();
        var counting = new CountingInputStream(content);
        call(() -> internal.putObject(
                PutObjectArgs.builder().bucket(bucket).object(key).stream(counting, size, size < 0 ? partSize : -1)
                        .contentType(contentType)
                        .build()));
        return new StoredObject(key, counting.count, contentType);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            var stat = internal.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, stat.size(), stat.contentType()));
        } catch (Exception e) {
            if (StorageErrors.isMissing(e)) {
                return Optional.empty();
            }
            throw new StorageUnavailable(e);
        }
    }

    @Override
    public InputStream read(String key, long offset, Long length) {
        try {
            var args = GetObjectArgs.builder().bucket(bucket).object(key);
            if (offset > 0) {
                args.offset(offset);
            }
            if (length != null) {
                args.offset(offset).length(length);
            }
            return internal.getObject(args.build());
        } catch (Exception e) {
            if (StorageErrors.isMissing(e)) {
                throw new StoredObjectMissing(key);
            }
            throw new StorageUnavailable(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            internal.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            if (!StorageErrors.isMissing(e)) {
                throw new StorageUnavailable(e);
            }
        }
    }

    @Override
    public URI presignedGet(String key, Duration expiry, String contentType, String downloadFilename) {
        var disposition = ContentDisposition.attachment()
                .filename(downloadFilename, StandardCharsets.UTF_8)
                .build()
                .toString();
        return presign(
                publicSigner,
                key,
                expiry,
                Map.of("response-content-type", contentType, "response-content-disposition", disposition));
    }

    @Override
    public URI presignedGetInternal(String key, Duration expiry) {
        return presign(internal, key, expiry, Map.of());
    }

    private URI presign(MinioClient client, String key, Duration expiry, Map<String, String> responseHeaders) {
        long seconds = Math.max(1, Math.min(expiry.toSeconds(), StorageProperties.MAX_PRESIGN_EXPIRY.toSeconds()));
        return call(() -> URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(bucket)
                .object(key)
                .expiry((int) seconds)
                .extraQueryParams(responseHeaders)
                .build())));
    }

    private static <T> T call(StorageErrors.StoreCall<T> call) {
        return StorageErrors.call("object store unavailable", call);
    }

    /** Counts what was uploaded, since the size of a streamed upload is not known in advance. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
