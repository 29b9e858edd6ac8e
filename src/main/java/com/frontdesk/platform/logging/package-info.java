/** What the logs are allowed to say: the masking console encoder and the switch to structured JSON logs. */
package com.frontdesk.platform.logging;
