/** The worker's side of AMQP: topology, the job listener with manual acks, and confirmed event publishing. */
package org.vidcut.worker.messaging;
