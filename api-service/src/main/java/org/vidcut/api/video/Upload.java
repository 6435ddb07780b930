package org.vidcut.api.video;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/** The bytes of an upload of known size with what the client said about them, whatever the request's form. */
record Upload(@Nullable String filename, @Nullable String contentType, long size, InputStreamSource content) {}
