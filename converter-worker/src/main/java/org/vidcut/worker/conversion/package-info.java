/** Turning one job into one verified result file: ffmpeg arguments, running, verification, failure policy. */
@NullMarked
package org.vidcut.worker.conversion;

import org.jspecify.annotations.NullMarked;
