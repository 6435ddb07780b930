package org.vidcut.api.task;

/** Where a done task's result is and how to offer it for download. */
record ResultDownload(String objectKey, String contentType, String filename) {}
