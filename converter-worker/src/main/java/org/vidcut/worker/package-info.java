/** The converter-worker: stateless, consumes conversion jobs and reports task events; never touches MongoDB. */
@NullMarked
package org.vidcut.worker;

import org.jspecify.annotations.NullMarked;
