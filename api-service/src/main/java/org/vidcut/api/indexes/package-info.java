/** The one way the api creates its MongoDB indexes: listed in code by each feature, created off the startup path. */
@NullMarked
package org.vidcut.api.indexes;

import org.jspecify.annotations.NullMarked;
