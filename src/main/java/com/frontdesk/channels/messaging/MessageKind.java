package com.frontdesk.channels.messaging;

/** What a patient sent: text Frontdesk can answer, or media (image, voice, location, sticker...) it cannot read. */
public enum MessageKind {

	TEXT, MEDIA

}
