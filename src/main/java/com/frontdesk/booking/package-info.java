/**
 * Booking and reaching the practice: the actions replies offer and callback requests
 * ({@link com.frontdesk.booking.CallbackRequests}); each stored request is published as
 * {@link com.frontdesk.booking.CallbackRequested}, from which the {@code notifications} module tells the practice.
 */
@ApplicationModule(allowedDependencies = { "platform", "practice", "triage" })
package com.frontdesk.booking;

import org.springframework.modulith.ApplicationModule;
