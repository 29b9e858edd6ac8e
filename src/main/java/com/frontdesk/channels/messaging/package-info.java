/**
 * The channel-neutral part of the messaging channels: inbound messages stored before the webhook is acknowledged,
 * processed once on virtual threads, answered through the turn pipeline, rendered as plain text and sent back with
 * bounded retries.
 */
package com.frontdesk.channels.messaging;
