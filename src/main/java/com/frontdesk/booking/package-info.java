/**
 * Booking and reaching the practice: the actions replies offer, callback requests
 * ({@link com.frontdesk.booking.CallbackRequests}) and notices to the practice through an outbox
 * ({@link com.frontdesk.booking.PracticeNotifications}).
 */
package com.frontdesk.booking;
