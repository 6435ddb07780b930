/** The worker's side of AMQP: topology, the job listener with manual acks, and confirmed event publishing. */
@NullMarked
package org.vidcut.worker.messaging;

import org.jspecify.annotations.NullMarked;
