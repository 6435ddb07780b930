package org.vidcut.standalone.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedS3Test {

    private static final String BUCKET = "vidcut";
    private static final EmbeddedS3.Credentials CREDENTIALS =
            new EmbeddedS3.Credentials("test-access-key", "test-secret-key-0123456789");
    private static final byte[] CONTENT = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDir;

    @Test
    void createsTheBucketAndStoresAndReadsObjectsWithTheMinioClient() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.startTransient(0, CREDENTIALS, BUCKET)) {
            MinioClient minio = client(s3, CREDENTIALS.secretKey());
            assertThat(minio.bucketExists(
                            BucketExistsArgs.builder().bucket(BUCKET).build()))
                    .isTrue();

            put(minio, "originals/u1/v1", CONTENT);
            StatObjectResponse stat = minio.statObject(StatObjectArgs.builder()
                    .bucket(BUCKET)
                    .object("originals/u1/v1")
                    .build());
            byte[] slice;
            try (InputStream in = minio.getObject(GetObjectArgs.builder()
                    .bucket(BUCKET)
                    .object("originals/u1/v1")
                    .offset(5L)
                    .length(4L)
                    .build())) {
                slice = in.readAllBytes();
            }

            assertThat(stat.size()).isEqualTo(CONTENT.length);
            assertThat(stat.contentType()).isEqualTo("video/mp4");
            assertThat(new String(slice, StandardCharsets.US_ASCII)).isEqualTo("5678");
        }
    }

    @Test
    void servesPresignedGetWithRangeOverPlainHttp() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.startTransient(0, CREDENTIALS, BUCKET)) {
            MinioClient minio = client(s3, CREDENTIALS.secretKey());
            put(minio, "results/u1/t1/1.mp4", CONTENT);
            String url = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(BUCKET)
                    .object("results/u1/t1/1.mp4")
                    .expiry(600)
                    .build());
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<byte[]> whole =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> ranged = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Range", "bytes=2-5")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> tampered = http.send(
                    HttpRequest.newBuilder(URI.create(url.replace("X-Amz-Signature=", "X-Amz-Signature=0")))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(CONTENT);
            assertThat(ranged.statusCode()).isEqualTo(206);
            assertThat(new String(ranged.body(), StandardCharsets.US_ASCII)).isEqualTo("2345");
            assertThat(ranged.headers().firstValue("Content-Range")).hasValue("bytes 2-5/" + CONTENT.length);
            assertThat(tampered.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void refusesRequestsSignedWithAWrongSecret() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.startTransient(0, CREDENTIALS, BUCKET)) {
            MinioClient impostor = client(s3, "not-the-secret-key");

            assertThatThrownBy(() -> put(impostor, "originals/u1/v1", CONTENT))
                    .isInstanceOfSatisfying(
                            ErrorResponseException.class,
                            e -> assertThat(e.errorResponse().code()).isEqualTo("SignatureDoesNotMatch"));
            assertThatThrownBy(() -> impostor.statObject(StatObjectArgs.builder()
                            .bucket(BUCKET)
                            .object("originals/u1/v1")
                            .build()))
                    .isInstanceOf(ErrorResponseException.class);
        }
    }

    @Test
    void keepsMultipartUploadsOnDiskAcrossARestart() throws Exception {
        byte[] large = new byte[6 * 1024 * 1024 + 123];
        new Random(7).nextBytes(large);
        Path objects = dataDir.resolve("objects");

        try (EmbeddedS3 s3 = EmbeddedS3.startFilesystem(objects, 0, CREDENTIALS, BUCKET)) {
            MinioClient minio = client(s3, CREDENTIALS.secretKey());
            // unknown size with 5 MiB parts: a two-part multipart upload, as the services stream uploads
            minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object("originals/u1/big").stream(
                            new ByteArrayInputStream(large), -1, 5L * 1024 * 1024)
                    .contentType("video/mp4")
                    .build());
        }

        try (EmbeddedS3 s3 = EmbeddedS3.startFilesystem(objects, 0, CREDENTIALS, BUCKET)) {
            MinioClient minio = client(s3, CREDENTIALS.secretKey());
            byte[] tail;
            try (InputStream in = minio.getObject(GetObjectArgs.builder()
                    .bucket(BUCKET)
                    .object("originals/u1/big")
                    .offset(large.length - 1000L)
                    .build())) {
                tail = in.readAllBytes();
            }
            StatObjectResponse stat = minio.statObject(StatObjectArgs.builder()
                    .bucket(BUCKET)
                    .object("originals/u1/big")
                    .build());

            assertThat(stat.size()).isEqualTo(large.length);
            assertThat(tail).isEqualTo(Arrays.copyOfRange(large, large.length - 1000, large.length));
        }
    }

    @Test
    void rejectsBlankCredentials() {
        assertThatThrownBy(() -> new EmbeddedS3.Credentials("key", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CREDENTIALS.toString()).doesNotContain(CREDENTIALS.secretKey());
    }

    private static MinioClient client(EmbeddedS3 s3, String secretKey) {
        return MinioClient.builder()
                .endpoint(s3.endpoint().toString())
                .credentials(CREDENTIALS.accessKey(), secretKey)
                .region("us-east-1")
                .build();
    }

    private static void put(MinioClient minio, String key, byte[] content) throws Exception {
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key).stream(
                        new ByteArrayInputStream(content), content.length, -1)
                .contentType("video/mp4")
                .build());
    }
}
