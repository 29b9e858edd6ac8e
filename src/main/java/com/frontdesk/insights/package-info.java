/**
 * What the practice sees: patients' thumbs up or down on replies, the admin API for conversations (list, transcript,
 * deletion on a patient's request), the content-gap report and the dashboard, and the admin page at {@code /admin/}.
 */
@ApplicationModule(allowedDependencies = { "conversation", "platform", "practice", "retrieval", "triage" })
package com.frontdesk.insights;

import org.springframework.modulith.ApplicationModule;
