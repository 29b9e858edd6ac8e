/** Answerers that compose a grounded, cited reply from retrieved passages; the embedded one needs no model. */
@ApplicationModule(allowedDependencies = { "knowledge", "practice", "retrieval" })
package com.frontdesk.answering;

import org.springframework.modulith.ApplicationModule;
