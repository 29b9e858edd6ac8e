/** Deterministic safety checks that run before anything else: emergencies, self-harm, medical advice, injection. */
@ApplicationModule(allowedDependencies = { "answering", "learning", "platform", "retrieval" })
package com.frontdesk.triage;

import org.springframework.modulith.ApplicationModule;
