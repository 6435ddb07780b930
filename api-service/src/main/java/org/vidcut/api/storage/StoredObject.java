package org.vidcut.api.storage;

/** Metadata of one stored object. */
public record StoredObject(String key, long size, String contentType) {}
