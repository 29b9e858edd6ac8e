/**
 * What the practice sees: patients' thumbs up or down on replies, the admin API for conversations (list, transcript,
 * deletion on a patient's request), the content-gap report and the dashboard, and the admin page at {@code /admin/}.
 */
package com.frontdesk.insights;
