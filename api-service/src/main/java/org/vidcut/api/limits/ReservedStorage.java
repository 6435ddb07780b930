package org.vidcut.api.limits;

/** Bytes a user has announced but not stored yet (open direct uploads, by their declared size). */
public interface ReservedStorage {

    long reservedBytes(String ownerId);
}
