/** The Facebook Messenger channel: {@code GET/POST /webhooks/messenger} in, the Send API out. */
package com.frontdesk.channels.messenger;
