/** Uploaded originals: upload, ffprobe, listing, download and deletion. */
@NullMarked
package org.vidcut.api.video;

import org.jspecify.annotations.NullMarked;
