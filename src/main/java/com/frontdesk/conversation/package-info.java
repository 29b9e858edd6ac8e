/** The turn pipeline shared by every channel (triage, intent, retrieval, answer, actions) and its store. */
@ApplicationModule(allowedDependencies = {
		"answering", "answering::llm", "booking", "learning", "platform", "practice", "retrieval", "triage" })
package com.frontdesk.conversation;

import org.springframework.modulith.ApplicationModule;
