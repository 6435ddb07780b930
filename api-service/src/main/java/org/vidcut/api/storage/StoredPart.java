package org.vidcut.api.storage;

/** One part of a multipart upload as the store holds it; {@code etag} is without quotes. */
public record StoredPart(int number, long size, String etag) {}
