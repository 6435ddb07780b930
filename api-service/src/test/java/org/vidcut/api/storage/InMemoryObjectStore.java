package org.vidcut.api.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vidcut.support.storage.StorageUnavailable;

/** A test double of the object store that keeps objects in memory and can be switched to "down". */
public class InMemoryObjectStore implements ObjectStore {

    private record Entry(byte[] bytes, String contentType) {}

    private final Map<String, Entry> objects = new ConcurrentHashMap<>();
    private volatile boolean down;

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public boolean contains(String key) {
        return objects.containsKey(key);
    }

    public byte[] bytes(String key) {
        return objects.get(key).bytes();
    }

    public void putBytes(String key, byte[] bytes, String contentType) {
        objects.put(key, new Entry(bytes, contentType));
    }

    @Override
    public StoredObject put(String key, InputStream content, long size, String contentType) {
        failIfDown();
        try {
            var bytes = content.readAllBytes();
            objects.put(key, new Entry(bytes, contentType));
            return new StoredObject(key, bytes.length, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        failIfDown();
        return Optional.ofNullable(objects.get(key)).map(e -> new StoredObject(key, e.bytes().length, e.contentType()));
    }

    @Override
    public InputStream read(String key, long offset, Long length) {
        failIfDown();
        var entry = objects.get(key);
        if (entry == null) {
            throw new StoredObjectMissing(key);
        }
        int from = (int) Math.min(offset, entry.bytes().length);
        int to = length == null ? entry.bytes().length : (int) Math.min(from + length, entry.bytes().length);
        return new ByteArrayInputStream(Arrays.copyOfRange(entry.bytes(), from, to));
    }

    @Override
    public void delete(String key) {
        failIfDown();
        objects.remove(key);
    }

    @Override
    public URI presignedGet(String key, Duration expiry, String contentType, String downloadFilename) {
        failIfDown();
        return URI.create("http://public.example/bucket/" + key + "?expires=" + expiry.toSeconds()
                + "&response-content-type=" + URLEncoder.encode(contentType, StandardCharsets.UTF_8)
                + "&response-content-disposition=attachment");
    }

    @Override
    public URI presignedGetInternal(String key, Duration expiry) {
        failIfDown();
        return URI.create("http://internal.example/bucket/" + key + "?expires=" + expiry.toSeconds());
    }

    private void failIfDown() {
        if (down) {
            throw new StorageUnavailable(new IOException("store is down"));
        }
    }
}
