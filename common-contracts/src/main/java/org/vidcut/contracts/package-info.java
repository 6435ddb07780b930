/** The versioned messages and AMQP topology shared by api-service and converter-worker. */
package org.vidcut.contracts;
