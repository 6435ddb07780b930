/** A benchmark of the standalone jar against raw ffmpeg and a direct S3 put, run by scripts/benchmark.sh. */
package org.vidcut.benchmark;
