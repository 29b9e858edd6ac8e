/** What the logs are allowed to say: the masking console encoder and the switch to structured JSON logs. */
@NamedInterface("logging")
package com.frontdesk.platform.logging;

import org.springframework.modulith.NamedInterface;
