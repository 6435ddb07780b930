/** Access to the S3-compatible object store for originals and results, and ranged downloads from it. */
@NullMarked
package org.vidcut.api.storage;

import org.jspecify.annotations.NullMarked;
