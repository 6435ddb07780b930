/** Spring infrastructure shared by api-service and converter-worker; Spring-free contracts stay in common-contracts. */
@NullMarked
package org.vidcut.support;

import org.jspecify.annotations.NullMarked;
