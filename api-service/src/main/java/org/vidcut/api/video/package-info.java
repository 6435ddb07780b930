/** Uploaded originals: upload, ffprobe, listing, download and deletion. */
package org.vidcut.api.video;
