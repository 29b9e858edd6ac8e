/** The SMS channel through Twilio Programmable Messaging: {@code POST /webhooks/sms} in, the Messages API out. */
package com.frontdesk.channels.sms;
