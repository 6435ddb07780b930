/** The AMQP topology both services declare, and how their connections are named. */
@NullMarked
package org.vidcut.support.messaging;

import org.jspecify.annotations.NullMarked;
