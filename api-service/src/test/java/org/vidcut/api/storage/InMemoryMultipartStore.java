package org.vidcut.api.storage;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of multipart uploads: parts are "received" by {@link #receive}, as if a client had PUT them, and
 * completing writes an object of their total size into the given {@link InMemoryObjectStore}.
 */
public class InMemoryMultipartStore implements MultipartStore {

    private final InMemoryObjectStore objects;
    private final Map<String, TreeMap<Integer, StoredPart>> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public InMemoryMultipartStore(InMemoryObjectStore objects) {
        this.objects = objects;
    }

    public void receive(String uploadId, int number, long size) {
        uploads.get(uploadId).put(number, new StoredPart(number, size, "etag-" + number + "-" + size));
    }

    /** Whether the store still holds the upload (neither completed nor aborted). */
    public boolean holds(String uploadId) {
        return uploads.containsKey(uploadId);
    }

    public void clear() {
        uploads.clear();
    }

    public int openUploads() {
        return uploads.size();
    }

    @Override
    public String start(String key) {
        var id = "mp-" + ids.incrementAndGet();
        uploads.put(id, new TreeMap<>());
        return id;
    }

    @Override
    public URI presignedPartUpload(String key, String uploadId, int partNumber, Duration expiry) {
        return URI.create("http://public.example/vidcut/" + key + "?uploadId=" + uploadId + "&partNumber=" + partNumber
                + "&X-Amz-Expires=" + expiry.toSeconds());
    }

    @Override
    public List<StoredPart> parts(String key, String uploadId) {
        var parts = uploads.get(uploadId);
        return parts == null ? List.of() : new ArrayList<>(parts.values());
    }

    @Override
    public void complete(String key, String uploadId, List<StoredPart> parts) {
        long size = parts.stream().mapToLong(StoredPart::size).sum();
        uploads.remove(uploadId);
        objects.putBytes(key, new byte[(int) size], "application/octet-stream");
    }

    @Override
    public void abort(String key, String uploadId) {
        uploads.remove(uploadId);
    }
}
