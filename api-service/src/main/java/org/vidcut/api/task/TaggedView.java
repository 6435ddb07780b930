package org.vidcut.api.task;

import org.jspecify.annotations.Nullable;

/**
 * A task's ETag, with its view unless the client's copy was current.
 *
 * @param view null when the client's copy (its {@code If-None-Match}) is current: nothing was built or signed
 */
record TaggedView(String etag, @Nullable TaskView view) {}
