/** Tests of the structure of the whole code base. */
@NullMarked
package org.vidcut.standalone.architecture;

import org.jspecify.annotations.NullMarked;
