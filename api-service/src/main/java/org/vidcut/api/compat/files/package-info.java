/**
 * {@code /file}: the earlier resize service's API (upload, background resize, status, delete), answered from the
 * same services as {@code /v1}; bad input is a {@code 400 {error}} there, as its clients expect.
 */
@NullMarked
package org.vidcut.api.compat.files;

import org.jspecify.annotations.NullMarked;
