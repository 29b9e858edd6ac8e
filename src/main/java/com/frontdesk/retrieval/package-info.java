/** One Lucene index per practice over its knowledge passages: analysis, synonyms, typo correction and search. */
@ApplicationModule(allowedDependencies = { "knowledge", "platform", "practice" })
package com.frontdesk.retrieval;

import org.springframework.modulith.ApplicationModule;
