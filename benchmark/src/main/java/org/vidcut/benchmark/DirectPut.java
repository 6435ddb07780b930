package org.vidcut.benchmark;

import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;
import java.nio.file.Path;

/**
 * The upload baseline: the file put straight into the standalone's S3 stand-in with the MinIO Java client, the
 * same library and default part size the api uses, then removed.
 */
final class DirectPut {

    private static final String BUCKET = "vidcut";

    private final MinioClient minio;

    DirectPut(StandaloneUnderTest standalone) {
        this.minio = MinioClient.builder()
                .endpoint(standalone.s3().toString())
                .credentials(standalone.accessKey(), standalone.secretKey())
                .region("us-east-1")
                .build();
    }

    /** Seconds until the put completed. */
    double put(Path file, String key) throws Exception {
        long start = System.nanoTime();
        minio.uploadObject(UploadObjectArgs.builder()
                .bucket(BUCKET)
                .object(key)
                .filename(file.toString())
                .contentType("video/mp4")
                .build());
        double seconds = (System.nanoTime() - start) / 1e9;
        minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
        return seconds;
    }
}
