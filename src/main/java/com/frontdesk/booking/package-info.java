/** The practice's profile and the handoff actions (book, call, emergency, handoff) replies offer. */
package com.frontdesk.booking;
