/** Access to the object store: presigned reads of originals and uploads of results, nothing else. */
@NullMarked
package org.vidcut.worker.storage;

import org.jspecify.annotations.NullMarked;
