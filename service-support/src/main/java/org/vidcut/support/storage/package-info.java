/** The object store's settings, its MinIO clients and the mapping of its failures, shared by both services. */
@NullMarked
package org.vidcut.support.storage;

import org.jspecify.annotations.NullMarked;
