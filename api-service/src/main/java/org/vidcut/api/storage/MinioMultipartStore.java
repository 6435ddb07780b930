package org.vidcut.api.storage;

import com.google.common.collect.ImmutableMultimap;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Part;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/**
 * Multipart uploads on MinIO (or any S3) through the low-level calls of {@link MinioAsyncClient}; the part links
 * are signed offline by the client configured with the public address, as {@link MinioObjectStore} does.
 */
class MinioMultipartStore implements MultipartStore {

    private static final String NO_SUCH_UPLOAD = "NoSuchUpload";
    private static final Set<String> PARTS_REFUSED = Set.of("InvalidPart", "InvalidPartOrder", "EntityTooSmall");
    private static final ImmutableMultimap<String, String> NONE = ImmutableMultimap.of();

    private final MinioAsyncClient internal;
    private final MinioClient publicSigner;
    private final MinioObjectStore objects;
    private final String bucket;
    private final String region;

    MinioMultipartStore(
            MinioAsyncClient internal,
            MinioClient publicSigner,
            MinioObjectStore objects,
            StorageProperties properties) {
        this.internal = internal;
        this.publicSigner = publicSigner;
        this.objects = objects;
        this.bucket = properties.bucket();
        this.region = properties.region();
    }

    @Override
    public String start(String key) {
        objects.ensureBucket();
        var headers = ImmutableMultimap.of("Content-Type", "application/octet-stream");
        return await(() -> internal.createMultipartUploadAsync(bucket, region, key, headers, NONE))
                .result()
                .uploadId();
    }

    @Override
    public URI presignedPartUpload(String key, String uploadId, int partNumber, Duration expiry) {
        long seconds = Math.max(1, Math.min(expiry.toSeconds(), StorageProperties.MAX_PRESIGN_EXPIRY.toSeconds()));
        try {
            return URI.create(publicSigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.PUT)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) seconds)
                    .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", Integer.toString(partNumber)))
                    .build()));
        } catch (Exception e) {
            throw new StorageUnavailable(e);
        }
    }

    @Override
    public List<StoredPart> parts(String key, String uploadId) {
        var parts = new ArrayList<StoredPart>();
        int marker = 0;
        while (true) {
            int from = marker;
            var page = awaitOrMissing(
                    () -> internal.listPartsAsync(bucket, region, key, 1000, from, uploadId, NONE, NONE));
            if (page == null) {
                return List.of();
            }
            var result = page.result();
            for (var part : result.partList()) {
                parts.add(new StoredPart(part.partNumber(), part.partSize(), unquoted(part.etag())));
            }
            if (!result.isTruncated() || result.nextPartNumberMarker() <= marker) {
                return parts;
            }
            marker = result.nextPartNumberMarker();
        }
    }

    @Override
    public void complete(String key, String uploadId, List<StoredPart> parts) {
        var list =
                parts.stream().map(part -> new Part(part.number(), part.etag())).toArray(Part[]::new);
        try {
            await(() -> internal.completeMultipartUploadAsync(bucket, region, key, uploadId, list, NONE, NONE));
        } catch (StorageUnavailable e) {
            if (e.getCause() instanceof ErrorResponseException error
                    && PARTS_REFUSED.contains(error.errorResponse().code())) {
                throw new PartsRefused(error.errorResponse().message());
            }
            throw e;
        }
    }

    @Override
    public void abort(String key, String uploadId) {
        awaitOrMissing(() -> internal.abortMultipartUploadAsync(bucket, region, key, uploadId, NONE, NONE));
    }

    private static String unquoted(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    private interface AsyncCall<T> {
        CompletableFuture<T> start() throws Exception;
    }

    private static <T> T await(AsyncCall<T> call) {
        var result = awaitOrMissing(call);
        if (result == null) {
            throw new StorageUnavailable(new IllegalStateException("the multipart upload does not exist"));
        }
        return result;
    }

    /** Null when the store says the upload does not exist (aborted, completed or never started). */
    private static <T> @Nullable T awaitOrMissing(AsyncCall<T> call) {
        try {
            return call.start().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException error
                    && NO_SUCH_UPLOAD.equals(error.errorResponse().code())) {
                return null;
            }
            throw new StorageUnavailable(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable(e);
        } catch (Exception e) {
            throw new StorageUnavailable(e);
        }
    }
}
