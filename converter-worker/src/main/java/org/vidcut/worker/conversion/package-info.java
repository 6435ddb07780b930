/** Turning one job into one verified result file: ffmpeg arguments, running, verification, failure policy. */
package org.vidcut.worker.conversion;
