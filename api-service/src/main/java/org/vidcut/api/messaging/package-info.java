/** AMQP plumbing: the topology, publishing jobs with broker confirms and receiving worker events. */
@NullMarked
package org.vidcut.api.messaging;

import org.jspecify.annotations.NullMarked;
