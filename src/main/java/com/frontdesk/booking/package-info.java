/**
 * Booking and reaching the practice: the actions replies offer, callback requests
 * ({@link com.frontdesk.booking.CallbackRequests}) and notices to the practice through an outbox
 * ({@link com.frontdesk.booking.PracticeNotifications}).
 */
@ApplicationModule(allowedDependencies = { "platform", "practice", "triage" })
package com.frontdesk.booking;

import org.springframework.modulith.ApplicationModule;
