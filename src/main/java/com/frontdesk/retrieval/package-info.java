/** The one Lucene index over the knowledge passages: analysis, synonyms, typo correction and search. */
@ApplicationModule(allowedDependencies = { "knowledge", "platform" })
package com.frontdesk.retrieval;

import org.springframework.modulith.ApplicationModule;
