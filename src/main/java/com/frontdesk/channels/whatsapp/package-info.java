/** The WhatsApp Cloud API channel: {@code GET/POST /webhooks/whatsapp} in, the Graph API's messages endpoint out. */
package com.frontdesk.channels.whatsapp;
