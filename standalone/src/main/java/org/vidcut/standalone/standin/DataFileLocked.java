package org.vidcut.standalone.standin;

import java.nio.file.Path;

/** A stand-in's data file is held by another process (or another stand-in in this one). */
public final class DataFileLocked extends IllegalStateException {

    DataFileLocked(Path file, Throwable cause) {
        super(
                "The data file " + file + " is in use by another process: stop the other standalone instance"
                        + " or choose another --standalone.data-dir",
                cause);
    }
}
