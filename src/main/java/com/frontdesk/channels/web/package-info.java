/**
 * The website channel: the JSON chat API (plain and streamed), conversation history, the embeddable chat widget
 * ({@code /widget.js}, its config, CORS for the practice's sites), the demo page and the page to try the chat.
 */
package com.frontdesk.channels.web;
