/** Cross-cutting parts: time, problem responses, admin access, health. */
@ApplicationModule(allowedDependencies = { "practice" })
package com.frontdesk.platform;

import org.springframework.modulith.ApplicationModule;
