package org.vidcut.worker.conversion;

import java.util.ArrayList;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;

/**
 * The picture filters of a re-encode. ffmpeg has already turned a rotated source upright before them (its
 * autorotate), so {@code iw}, {@code ih} and {@code sar} are the upright picture's.
 *
 * <ul>
 *   <li>An interlaced source is deinterlaced (bwdif, one frame per frame, so the frame count stays).
 *   <li>A resize gives square pixels: the size asked for is the displayed size, and the side left out is derived
 *       from the displayed aspect ratio ({@code iw*sar}), not the stored one.
 *   <li>Without a resize, the stored size is only rounded down to even numbers and the pixel aspect kept.
 * </ul>
 */
final class VideoFilters {

    static final String DEINTERLACE = "bwdif=mode=send_frame";

    private VideoFilters() {}

    /** The {@code -vf} value of an mp4, mov, mkv or webm re-encode. */
    static String video(Operations operations, ProbedMedia source) {
        var filters = new ArrayList<String>();
        if (source != null && source.interlaced()) {
            filters.add(DEINTERLACE);
        }
        if (operations.resizes()) {
            filters.add("scale=" + size(operations) + ",setsar=1");
        } else {
            filters.add("scale=trunc(iw/2)*2:trunc(ih/2)*2");
        }
        return String.join(",", filters);
    }

    /** The {@code -vf} value of a gif: gifs know no pixel aspect, so their pixels are always square. */
    static String gif(Operations operations, ProbedMedia source, int frameRate) {
        var filters = new ArrayList<String>();
        if (source != null && source.interlaced()) {
            filters.add(DEINTERLACE);
        }
        filters.add("fps=" + frameRate);
        var size = operations.resizes() ? size(operations) : "round(iw*sar):ih";
        filters.add("scale=" + size + ":flags=lanczos,setsar=1");
        // a palette computed from the clip itself instead of the generic 256 colours keeps gifs watchable
        filters.add("split[a][b];[a]palettegen[p];[b][p]paletteuse");
        return String.join(",", filters);
    }

    /** Width and height; a side left out keeps the displayed aspect ratio, rounded to an even number. */
    static String size(Operations operations) {
        var width = operations.width();
        var height = operations.height();
        if (width != null && height != null) {
            return width + ":" + height;
        }
        if (width != null) {
            return width + ":round(" + width + "*ih/(iw*sar)/2)*2";
        }
        return "round(" + height + "*iw*sar/ih/2)*2:" + height;
    }
}
