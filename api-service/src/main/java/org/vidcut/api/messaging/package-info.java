/** AMQP plumbing: the topology, publishing jobs with broker confirms and receiving worker events. */
package org.vidcut.api.messaging;
