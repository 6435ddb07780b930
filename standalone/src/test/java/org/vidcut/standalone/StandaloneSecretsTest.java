package org.vidcut.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's generated secrets (kept here with the stand-in tests, see {@link StandaloneSettingsTest}). */
class StandaloneSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesSecretsOnceAndReadsTheSameOnesAfterwards() {
        StandaloneSecrets first = StandaloneSecrets.loadOrCreate(dataDir);
        StandaloneSecrets second = StandaloneSecrets.loadOrCreate(dataDir);

        assertThat(second.storageAccessKey()).isEqualTo(first.storageAccessKey());
        assertThat(second.storageSecretKey()).isEqualTo(first.storageSecretKey());
        assertThat(second.amqpPassword()).isEqualTo(first.amqpPassword());
        assertThat(second.jwtSecret()).isEqualTo(first.jwtSecret());
    }

    @Test
    void generatesDifferentSecretsForAnotherDataDir(@TempDir Path otherDataDir) {
        StandaloneSecrets one = StandaloneSecrets.loadOrCreate(dataDir);
        StandaloneSecrets other = StandaloneSecrets.loadOrCreate(otherDataDir);

        assertThat(other.storageSecretKey()).isNotEqualTo(one.storageSecretKey());
        assertThat(other.jwtSecret()).isNotEqualTo(one.jwtSecret());
    }

    @Test
    void jwtSecretIsBase64OfAtLeast64Bytes() {
        StandaloneSecrets secrets = StandaloneSecrets.loadOrCreate(dataDir);

        assertThat(Base64.getDecoder().decode(secrets.jwtSecret())).hasSizeGreaterThanOrEqualTo(64);
    }

    @Test
    void keepsTheSecretsFileReadableByItsOwnerOnly() throws Exception {
        StandaloneSecrets.loadOrCreate(dataDir);
        Path file = dataDir.resolve("secrets.properties");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        StandaloneSecrets.loadOrCreate(dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void fillsInASecretMissingFromAnOlderFileWithoutChangingTheOthers() throws Exception {
        StandaloneSecrets original = StandaloneSecrets.loadOrCreate(dataDir);
        Path file = dataDir.resolve("secrets.properties");
        Files.writeString(file, "storage.access-key=" + original.storageAccessKey() + "\n");

        StandaloneSecrets completed = StandaloneSecrets.loadOrCreate(dataDir);

        assertThat(completed.storageAccessKey()).isEqualTo(original.storageAccessKey());
        assertThat(completed.storageSecretKey()).isNotBlank().isNotEqualTo(original.storageSecretKey());
        assertThat(completed.toString()).doesNotContain(completed.storageSecretKey(), completed.jwtSecret());
    }
}
