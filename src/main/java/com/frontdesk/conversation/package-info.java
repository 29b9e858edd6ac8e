/** The turn pipeline shared by every channel (triage, intent, retrieval, answer, actions) and its store. */
package com.frontdesk.conversation;
