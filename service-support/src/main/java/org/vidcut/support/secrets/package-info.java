/** Startup checks that refuse guessable credentials, the same in both services. */
@NullMarked
package org.vidcut.support.secrets;

import org.jspecify.annotations.NullMarked;
