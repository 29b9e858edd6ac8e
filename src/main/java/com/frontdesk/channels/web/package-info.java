/** The website channel: the JSON chat API and the page to try it. */
package com.frontdesk.channels.web;
