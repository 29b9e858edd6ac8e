/**
 * Notices to the practice: the outbox ({@link com.frontdesk.notifications.PracticeNotifications}, tables
 * {@code practice_notice} and {@code notice_delivery}) and its delivery to each practice's webhook and inbox
 * ({@code frontdesk.notifications.*}, {@code frontdesk.practices[n].notifications.*}). It listens to what other modules
 * publish when the practice must act (a handoff requested, a callback requested), and to a conversation's erasure;
 * no module calls it, so it may depend on the modules it hears from without a cycle.
 */
@ApplicationModule(allowedDependencies = { "booking", "conversation", "platform", "practice" })
package com.frontdesk.notifications;

import org.springframework.modulith.ApplicationModule;
