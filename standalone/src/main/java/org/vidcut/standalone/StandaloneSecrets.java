package org.vidcut.standalone;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials of the stand-ins and the JWT signing secret, generated on the first run and kept in the data
 * directory (readable by its owner only) so that tokens, objects and data stay valid across restarts. Values are
 * never logged.
 */
public final class StandaloneSecrets {

    static final String FILE_NAME = "secrets.properties";

    private static final Logger log = LoggerFactory.getLogger(StandaloneSecrets.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String STORAGE_ACCESS_KEY = "storage.access-key";
    private static final String STORAGE_SECRET_KEY = "storage.secret-key";
    private static final String AMQP_PASSWORD = "amqp.password";
    private static final String JWT_SECRET = "auth.jwt-secret";
    private static final int JWT_SECRET_BYTES = 64;

    private final String storageAccessKey;
    private final String storageSecretKey;
    private final String amqpPassword;
    private final String jwtSecret;

    private StandaloneSecrets(Properties values) {
        this.storageAccessKey = values.getProperty(STORAGE_ACCESS_KEY);
        this.storageSecretKey = values.getProperty(STORAGE_SECRET_KEY);
        this.amqpPassword = values.getProperty(AMQP_PASSWORD);
        this.jwtSecret = values.getProperty(JWT_SECRET);
    }

    /** Reads the secrets file of {@code dataDir}, generating and saving whatever is missing. */
    public static StandaloneSecrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Properties values = new Properties();
            if (Files.exists(file)) {
                restrictToOwner(file);
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    values.load(reader);
                }
            }
            boolean generated = false;
            generated |= putIfBlank(
                    values, STORAGE_ACCESS_KEY, "vidcut-" + HexFormat.of().formatHex(random(8)));
            generated |= putIfBlank(values, STORAGE_SECRET_KEY, base64(random(30)));
            generated |= putIfBlank(values, AMQP_PASSWORD, base64(random(24)));
            generated |= putIfBlank(values, JWT_SECRET, base64(random(JWT_SECRET_BYTES)));
            if (generated) {
                save(file, values);
                log.info("Generated secrets into {}", file);
            }
            return new StandaloneSecrets(values);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secrets file " + file, e);
        }
    }

    private static boolean putIfBlank(Properties values, String key, String value) {
        String present = values.getProperty(key);
        if (present == null || present.isBlank()) {
            values.setProperty(key, value);
            return true;
        }
        return false;
    }

    // written to a private temporary file and moved, so the secrets are never readable by others, even briefly
    private static void save(Path file, Properties values) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temporary);
            restrictToOwner(temporary);
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            values.store(writer, "vidcut standalone secrets: keep private; delete to generate new ones");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix()) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } else {
            var asFile = file.toFile();
            boolean restricted = asFile.setReadable(false, false)
                    & asFile.setReadable(true, true)
                    & asFile.setWritable(false, false)
                    & asFile.setWritable(true, true);
            if (!restricted) {
                log.warn("Could not restrict {} to its owner", file);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static String base64(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }

    public String storageAccessKey() {
        return storageAccessKey;
    }

    public String storageSecretKey() {
        return storageSecretKey;
    }

    public String amqpPassword() {
        return amqpPassword;
    }

    /** Base64 of at least 64 random bytes. */
    public String jwtSecret() {
        return jwtSecret;
    }

    @Override
    public String toString() {
        return "StandaloneSecrets[storageAccessKey=" + storageAccessKey + ", others=***]";
    }
}
