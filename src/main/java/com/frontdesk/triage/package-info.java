/** Deterministic safety checks that run before anything else: emergencies, self-harm, medical advice, injection. */
package com.frontdesk.triage;
