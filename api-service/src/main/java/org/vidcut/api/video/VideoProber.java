package org.vidcut.api.video;

/** Inspects media; a seam so that web tests need no ffprobe. */
interface VideoProber {

    /**
     * @param input a local path or an http(s) URL
     * @throws VideoUnreadable when the input is not a video that can be processed
     */
    MediaProbe probe(String input);
}
