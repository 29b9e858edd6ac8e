/** Loads each practice's knowledge folder, parses front matter and splits documents into passages. */
@ApplicationModule(allowedDependencies = { "practice" })
package com.frontdesk.knowledge;

import org.springframework.modulith.ApplicationModule;
