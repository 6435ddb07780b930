/** The versioned messages and AMQP topology shared by api-service and converter-worker. */
@NullMarked
package org.vidcut.contracts;

import org.jspecify.annotations.NullMarked;
